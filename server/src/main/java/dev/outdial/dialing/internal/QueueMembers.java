package dev.outdial.dialing.internal;

import dev.outdial.agent.AgentGroups;
import dev.outdial.campaign.Campaign;
import dev.outdial.campaign.CampaignDefinition;
import dev.outdial.campaign.CampaignStatus;
import dev.outdial.campaign.Campaigns;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.DialType;
import dev.outdial.engine.inbound.QueueAgents;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who takes a business's queue calls: the agents of its auto-callback campaigns that have not ended
 * (assigned directly or through a group), whenever they are Available, whether or not they have the
 * campaign's screen open — the manual's "when the campaign execution screen is closed: do not
 * receive Auto Callback calls, still receive queued calls". Every queue of the business is theirs.
 */
@Component
class QueueMembers {

    private final Campaigns campaigns;
    private final AgentGroups groups;
    private final AgentSessions sessions;

    QueueMembers(Campaigns campaigns, AgentGroups groups, AgentSessions sessions) {
        this.campaigns = campaigns;
        this.groups = groups;
        this.sessions = sessions;
    }

    QueueAgents of(long businessId) {
        return queueId -> agentsOf(businessId).stream().map(id -> AgentId.of(String.valueOf(id)))
                .filter(sessions::isAvailable).collect(Collectors.toSet());
    }

    @Transactional(readOnly = true)
    Set<Long> agentsOf(long businessId) {
        Set<Long> agents = new HashSet<>();
        for (Campaign campaign : campaigns.list(businessId, null, null, DialType.AUTO_CALLBACK)) {
            if (campaign.status() == CampaignStatus.ENDED) {
                continue;
            }
            CampaignDefinition settings = campaign.settings();
            agents.addAll(settings.agentIds() == null ? List.of() : settings.agentIds());
            for (Long group : settings.agentGroupIds() == null ? List.<Long>of() : settings.agentGroupIds()) {
                agents.addAll(groups.get(businessId, group).agentIds());
            }
        }
        return agents;
    }
}
