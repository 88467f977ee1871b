package dev.outdial.ivr.web;

import dev.outdial.ivr.Ivr;
import dev.outdial.ivr.IvrDraft;
import dev.outdial.ivr.Ivrs;
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

/** IVRs: admins manage them, supervisors may look. */
@RestController
@RequestMapping("/api/v1/ivrs")
class IvrController {

    private final Ivrs ivrs;

    IvrController(Ivrs ivrs) {
        this.ivrs = ivrs;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    Ivr create(@AuthenticationPrincipal CurrentUser me, @RequestBody IvrDraft draft) {
        return ivrs.create(me.businessId(), draft);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    List<Ivr> list(@AuthenticationPrincipal CurrentUser me) {
        return ivrs.list(me.businessId());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    Ivr get(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        return ivrs.get(me.businessId(), id);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    Ivr update(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestBody IvrDraft draft) {
        return ivrs.update(me.businessId(), id, draft);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    void delete(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        ivrs.delete(me.businessId(), id);
    }
}
