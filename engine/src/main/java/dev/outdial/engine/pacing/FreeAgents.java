package dev.outdial.engine.pacing;

import dev.outdial.engine.call.CampaignSettings;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.port.AgentPool;
import dev.outdial.engine.rules.DailyQuota;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The agents of one campaign who may take a customer now, and whether an agent's daily quota allows another. */
final class FreeAgents {

    private final CampaignSettings settings;
    private final long campaignId;
    private final AgentPool agents;
    private final AgentDesk desk;

    FreeAgents(CampaignSettings settings, AgentPool agents, AgentDesk desk) {
        this.settings = settings;
        this.campaignId = settings.campaignId();
        this.agents = agents;
        this.desk = desk;
    }

    /** Agents who may take a customer now, longest idle first; ties by id so a seed replays the same day. */
    List<AgentId> at(Instant now) {
        return agents.available(campaignId).stream()
                .filter(agent -> desk.isFree(agent, now) && underQuota(agent, now))
                .sorted(Comparator.comparing(desk::freeSince).thenComparing(AgentId::value))
                .toList();
    }

    boolean underQuota(AgentId agent, Instant now) {
        DailyQuota quota = settings.dailyQuota();
        if (quota.quotaOf(agent).isEmpty()) {
            return true;
        }
        DailyQuota.QuotaDay today = quota.dayOf(now);
        return quota.allowsAnother(agent, agents.customersReceived(agent, campaignId, today.start(), today.end()));
    }
}
