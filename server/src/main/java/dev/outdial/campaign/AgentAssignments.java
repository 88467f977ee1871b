package dev.outdial.campaign;

import dev.outdial.agent.AgentGroups;
import dev.outdial.campaign.Campaign;
import dev.outdial.campaign.CampaignDefinition;
import dev.outdial.campaign.Campaigns;
import dev.outdial.shared.NotFoundException;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "An agent runs the campaigns they are assigned to (directly or through an agent group)" (SPEC §1).
 * Another campaign is answered as not found: an agent does not learn what else the business runs.
 */
@Component
public class AgentAssignments {

    private final Campaigns campaigns;
    private final AgentGroups groups;

    AgentAssignments(Campaigns campaigns, AgentGroups groups) {
        this.campaigns = campaigns;
        this.groups = groups;
    }

    @Transactional(readOnly = true)
    public List<Campaign> campaignsOf(long businessId, long agentId) {
        return campaigns.list(businessId, null, null, null).stream()
                .filter(campaign -> isAssigned(businessId, agentId, campaign.settings()))
                .toList();
    }

    /** The campaign, if the agent is assigned to it; 404 otherwise. */
    @Transactional(readOnly = true)
    public Campaign campaignOf(long businessId, long agentId, long campaignId) {
        Campaign campaign = campaigns.get(businessId, campaignId);
        if (!isAssigned(businessId, agentId, campaign.settings())) {
            throw new NotFoundException("campaign", campaignId);
        }
        return campaign;
    }

    private boolean isAssigned(long businessId, long agentId, CampaignDefinition settings) {
        List<Long> agents = settings.agentIds() == null ? List.of() : settings.agentIds();
        List<Long> agentGroups = settings.agentGroupIds() == null ? List.of() : settings.agentGroupIds();
        return agents.contains(agentId)
                || agentGroups.stream().anyMatch(group -> groups.get(businessId, group).agentIds().contains(agentId));
    }
}
