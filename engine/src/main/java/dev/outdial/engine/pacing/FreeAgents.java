package dev.outdial.engine.pacing;

import dev.outdial.engine.call.CampaignSettings;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.port.AgentPool;
import dev.outdial.engine.rules.DailyQuota;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The agents of one campaign who may take a customer now, and whether an agent's daily quota allows another. */
final class FreeAgents {

    private final CampaignSettings settings;
    private final long campaignId;
    private final AgentPool agents;
    private final AgentDesk desk;
    /** The pool's set of Available agents last seen: each has a desk record, so the desk ranks them when free. */
    private Set<AgentId> recordsFor;
    /**
     * The last answer, kept while it holds: the same agents, no change at the desk, and before the
     * first of their wrap-ups then on ends (quotas aside). A round asks up to three times, and many
     * rounds follow a call that no agent took part in.
     */
    private List<AgentId> lastFree = List.of();
    private long lastChanges = -1;
    private Instant lastAt = Instant.MAX;
    private Instant lastValidUntil = Instant.MIN;

    FreeAgents(CampaignSettings settings, AgentPool agents, AgentDesk desk) {
        this.settings = settings;
        this.campaignId = settings.campaignId();
        this.agents = agents;
        this.desk = desk;
    }

    /**
     * Agents who may take a customer now, longest idle first; ties by id so a seed replays the same
     * day. Every pacing round asks: the desk keeps the agents with no customer ranked, so only those
     * (the free ones and those in wrap-up) are looked at, not every Available agent.
     */
    List<AgentId> at(Instant now) {
        Set<AgentId> available = agents.available(campaignId);
        if (available != recordsFor) {
            for (AgentId agent : available) {
                desk.recordOf(agent);
            }
            recordsFor = available;
            lastChanges = -1;
        }
        boolean quotas = settings.dailyQuota().limitsAnyone();
        if (!quotas && lastChanges == desk.changes() && !now.isBefore(lastAt) && now.isBefore(lastValidUntil)) {
            return lastFree;
        }
        List<AgentId> ranked = new ArrayList<>();
        Instant validUntil = Instant.MAX;
        // Agents holding a customer or on an inbound call are not free, and become free only by a
        // change at the desk: the rest, in the desk's order, are free now or in wrap-up.
        for (AgentDesk.Work work : desk.unoccupied()) {
            if (!available.contains(work.agent())) {
                continue;
            }
            if (work.isFree(now)) {
                if (!quotas || underQuota(work.agent(), now)) {
                    ranked.add(work.agent());
                }
            } else {
                Instant wrapUpEnd = work.wrapUpEndAfter(now);
                if (wrapUpEnd != null && wrapUpEnd.isBefore(validUntil)) {
                    validUntil = wrapUpEnd;
                }
            }
        }
        lastFree = List.copyOf(ranked);
        lastChanges = desk.changes();
        lastAt = now;
        lastValidUntil = validUntil;
        return lastFree;
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
