package dev.outdial.ticket.web;

import dev.outdial.shared.CurrentUser;
import dev.outdial.ticket.Trigger;
import dev.outdial.ticket.TriggerDraft;
import dev.outdial.ticket.Triggers;
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

/** Triggers are settings (SPEC §1): admins only; supervisors have no settings, and no campaign view needs a trigger. */
@RestController
@RequestMapping("/api/v1/triggers")
class TriggerController {

    private final Triggers triggers;

    TriggerController(Triggers triggers) {
        this.triggers = triggers;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    Trigger create(@AuthenticationPrincipal CurrentUser me, @RequestBody TriggerDraft draft) {
        return triggers.create(me.businessId(), draft);
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    List<Trigger> list(@AuthenticationPrincipal CurrentUser me) {
        return triggers.list(me.businessId());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    Trigger get(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        return triggers.get(me.businessId(), id);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    Trigger update(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestBody TriggerDraft draft) {
        return triggers.update(me.businessId(), id, draft);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    void delete(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        triggers.delete(me.businessId(), id);
    }
}
