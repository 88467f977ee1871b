package dev.outdial.dialing;

import dev.outdial.agent.AgentGroups;
import dev.outdial.agent.UserAccount;
import dev.outdial.agent.UserAccounts;
import dev.outdial.campaign.CampaignDefinition;
import dev.outdial.campaign.Campaigns;
import dev.outdial.dialing.internal.AgentSessions;
import dev.outdial.dialing.internal.EngineThread;
import dev.outdial.dialing.internal.LiveDialers;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.pacing.AgentDesk;
import dev.outdial.shared.Role;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only: how many agents are in each {@link AgentState}, for a campaign (the agents assigned to
 * it, directly or through a group) or for the whole business (its enabled agents). Presence is this
 * node's memory ({@link AgentSessions}); work is the engine's desk, read on the engine's thread.
 */
@Service
public class AgentStates {

    private final AgentSessions sessions;
    private final LiveDialers dialers;
    private final EngineThread engine;
    private final Campaigns campaigns;
    private final AgentGroups groups;
    private final UserAccounts users;

    AgentStates(AgentSessions sessions, LiveDialers dialers, EngineThread engine, Campaigns campaigns,
                AgentGroups groups, UserAccounts users) {
        this.sessions = sessions;
        this.dialers = dialers;
        this.engine = engine;
        this.campaigns = campaigns;
        this.groups = groups;
        this.users = users;
    }

    @Transactional(readOnly = true)
    public Map<AgentState, Integer> ofCampaign(long businessId, long campaignId) {
        CampaignDefinition settings = campaigns.get(businessId, campaignId).settings();
        Set<Long> agents = new LinkedHashSet<>(settings.agentIds() == null ? Set.of() : Set.copyOf(settings.agentIds()));
        if (settings.agentGroupIds() != null) {
            settings.agentGroupIds().forEach(group -> agents.addAll(groups.get(businessId, group).agentIds()));
        }
        Set<Long> enabled = enabledAgents(businessId);
        agents.retainAll(enabled);
        return count(businessId, agents, campaignId);
    }

    @Transactional(readOnly = true)
    public Map<AgentState, Integer> ofBusiness(long businessId) {
        return count(businessId, enabledAgents(businessId), null);
    }

    private Set<Long> enabledAgents(long businessId) {
        Set<Long> agents = new LinkedHashSet<>();
        users.list(businessId, Role.AGENT).stream().filter(UserAccount::enabled).map(UserAccount::id).forEach(agents::add);
        return agents;
    }

    private Map<AgentState, Integer> count(long businessId, Set<Long> agentIds, Long campaignId) {
        Map<AgentState, Integer> counts = new EnumMap<>(AgentState.class);
        for (AgentState state : AgentState.values()) {
            counts.put(state, 0);
        }
        engine.call(businessId, () -> {
            Instant now = engine.now();
            Optional<AgentDesk> desk = dialers.desk(businessId);
            for (long id : agentIds) {
                counts.merge(stateOf(AgentId.of(String.valueOf(id)), campaignId, desk, now), 1, Integer::sum);
            }
            return null;
        });
        return counts;
    }

    private AgentState stateOf(AgentId agent, Long campaignId, Optional<AgentDesk> desk, Instant now) {
        Optional<AgentDesk.Holding> holding = desk.flatMap(d -> d.holding(agent));
        if (holding.isPresent()) {
            return campaignId == null || holding.get().campaignId() == campaignId ? AgentState.ON_CALL
                    : AgentState.NOT_AVAILABLE;
        }
        boolean present = sessions.isAvailable(agent) && (campaignId == null || sessions.hasOpen(agent, campaignId));
        if (desk.map(d -> d.inWrapUp(agent, now)).orElse(false)) {
            return present || campaignId == null ? AgentState.WRAP_UP : AgentState.NOT_AVAILABLE;
        }
        return present ? AgentState.AVAILABLE : AgentState.NOT_AVAILABLE;
    }
}
