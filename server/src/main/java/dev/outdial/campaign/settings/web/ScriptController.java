package dev.outdial.campaign.settings.web;

import dev.outdial.campaign.settings.Script;
import dev.outdial.campaign.settings.ScriptDraft;
import dev.outdial.campaign.settings.Scripts;
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

/** Scripts: admins manage them, supervisors may look, agents read the one they fill in during a call. */
@RestController
@RequestMapping("/api/v1/scripts")
class ScriptController {

    private final Scripts scripts;

    ScriptController(Scripts scripts) {
        this.scripts = scripts;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    Script create(@AuthenticationPrincipal CurrentUser me, @RequestBody ScriptDraft draft) {
        return scripts.create(me.businessId(), draft);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    List<Script> list(@AuthenticationPrincipal CurrentUser me) {
        return scripts.list(me.businessId());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'AGENT')")
    Script get(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        return scripts.get(me.businessId(), id);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    Script update(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestBody ScriptDraft draft) {
        return scripts.update(me.businessId(), id, draft);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    void delete(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        scripts.delete(me.businessId(), id);
    }
}
