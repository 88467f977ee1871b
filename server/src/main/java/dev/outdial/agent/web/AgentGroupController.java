package dev.outdial.agent.web;

import dev.outdial.agent.AgentGroup;
import dev.outdial.agent.AgentGroups;
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

@RestController
@RequestMapping("/api/v1/agent-groups")
class AgentGroupController {

    private final AgentGroups groups;

    AgentGroupController(AgentGroups groups) {
        this.groups = groups;
    }

    record GroupRequest(String name, List<Long> agentIds) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    AgentGroup create(@AuthenticationPrincipal CurrentUser me, @RequestBody GroupRequest request) {
        return groups.create(me.businessId(), request.name(), request.agentIds());
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    List<AgentGroup> list(@AuthenticationPrincipal CurrentUser me) {
        return groups.list(me.businessId());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    AgentGroup get(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        return groups.get(me.businessId(), id);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    AgentGroup update(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestBody GroupRequest request) {
        return groups.update(me.businessId(), id, request.name(), request.agentIds());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    void delete(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        groups.delete(me.businessId(), id);
    }
}
