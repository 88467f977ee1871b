package dev.outdial.campaign.settings.web;

import dev.outdial.campaign.settings.Hotline;
import dev.outdial.campaign.settings.HotlineDraft;
import dev.outdial.campaign.settings.HotlineGroup;
import dev.outdial.campaign.settings.Hotlines;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Hotlines and their groups: admins manage them, supervisors may look. */
@RestController
class HotlineController {

    private final Hotlines hotlines;

    HotlineController(Hotlines hotlines) {
        this.hotlines = hotlines;
    }

    @PostMapping("/api/v1/hotlines")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    Hotline create(@AuthenticationPrincipal CurrentUser me, @RequestBody HotlineDraft draft) {
        return hotlines.create(me.businessId(), draft);
    }

    @GetMapping("/api/v1/hotlines")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    List<Hotline> list(@AuthenticationPrincipal CurrentUser me) {
        return hotlines.list(me.businessId());
    }

    @GetMapping("/api/v1/hotlines/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    Hotline get(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        return hotlines.get(me.businessId(), id);
    }

    @PutMapping("/api/v1/hotlines/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    Hotline update(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestBody HotlineDraft changes) {
        return hotlines.update(me.businessId(), id, changes);
    }

    @DeleteMapping("/api/v1/hotlines/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    void delete(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        hotlines.delete(me.businessId(), id);
    }

    @GetMapping("/api/v1/hotline-groups")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    List<HotlineGroup> groups(@AuthenticationPrincipal CurrentUser me) {
        return hotlines.groups(me.businessId());
    }
}
