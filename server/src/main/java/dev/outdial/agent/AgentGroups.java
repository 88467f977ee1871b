package dev.outdial.agent;

import dev.outdial.agent.internal.AgentGroupRepository;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.NotFoundException;
import dev.outdial.shared.Violations;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Agent groups of a business: campaigns are assigned groups as well as single agents. */
@Service
public class AgentGroups {

    private final AgentGroupRepository groups;
    private final UserAccounts users;
    private final Clock clock;

    AgentGroups(AgentGroupRepository groups, UserAccounts users, Clock clock) {
        this.groups = groups;
        this.users = users;
        this.clock = clock;
    }

    @Transactional
    public AgentGroup create(long businessId, String name, List<Long> agentIds) {
        Set<Long> members = validate(businessId, name, agentIds, null);
        long id = groups.insert(businessId, name.strip(), clock.instant());
        groups.replaceMembers(id, members);
        return get(businessId, id);
    }

    @Transactional
    public AgentGroup update(long businessId, long id, String name, List<Long> agentIds) {
        get(businessId, id);
        Set<Long> members = validate(businessId, name, agentIds, id);
        groups.rename(businessId, id, name.strip());
        groups.replaceMembers(id, members);
        return get(businessId, id);
    }

    @Transactional(readOnly = true)
    public AgentGroup get(long businessId, long id) {
        return groups.find(businessId, id).orElseThrow(() -> new NotFoundException("agent-group", id));
    }

    @Transactional(readOnly = true)
    public List<AgentGroup> list(long businessId) {
        return groups.list(businessId);
    }

    @Transactional
    public void delete(long businessId, long id) {
        get(businessId, id);
        groups.delete(businessId, id);
    }

    /** The ids among {@code groupIds} that are not groups of this business. */
    @Transactional(readOnly = true)
    public Set<Long> unknownGroups(long businessId, Collection<Long> groupIds) {
        Set<Long> missing = new LinkedHashSet<>(groupIds);
        groups.existing(businessId, Set.copyOf(groupIds)).forEach(missing::remove);
        return missing;
    }

    private Set<Long> validate(long businessId, String name, List<Long> agentIds, Long exceptId) {
        Violations violations = new Violations();
        if (violations.check(name != null && !name.isBlank(), "name", "validation.required")) {
            violations.check(name.strip().length() <= 200, "name", "validation.too-long", 200);
        }
        Set<Long> members = new LinkedHashSet<>(agentIds == null ? List.of() : agentIds);
        members.remove(null);
        Set<Long> notAgents = users.notActiveAgents(businessId, members);
        violations.check(notAgents.isEmpty(), "agentIds", "agent-group.not-agents", notAgents.toString());
        violations.throwIfAny();
        if (groups.nameTaken(businessId, name.strip(), exceptId)) {
            throw new ConflictException("agent-group.name.taken", name.strip());
        }
        return members;
    }
}
