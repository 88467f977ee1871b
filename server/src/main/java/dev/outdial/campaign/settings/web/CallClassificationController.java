package dev.outdial.campaign.settings.web;

import dev.outdial.campaign.settings.CallClassification;
import dev.outdial.campaign.settings.CallClassificationDraft;
import dev.outdial.campaign.settings.CallClassifications;
import dev.outdial.shared.CurrentUser;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Call classifications: admins manage them; everyone reads them, since agents classify their calls. */
@RestController
@RequestMapping("/api/v1/call-classifications")
class CallClassificationController {

    private final CallClassifications classifications;

    CallClassificationController(CallClassifications classifications) {
        this.classifications = classifications;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    CallClassification create(@AuthenticationPrincipal CurrentUser me, @RequestBody CallClassificationDraft draft) {
        return classifications.create(me.businessId(), draft);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'AGENT')")
    List<CallClassification> list(@AuthenticationPrincipal CurrentUser me) {
        return classifications.list(me.businessId());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'AGENT')")
    CallClassification get(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        return classifications.get(me.businessId(), id);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    CallClassification update(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
                              @RequestBody CallClassificationDraft changes) {
        return classifications.update(me.businessId(), id, changes);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    void delete(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        classifications.delete(me.businessId(), id);
    }
}
