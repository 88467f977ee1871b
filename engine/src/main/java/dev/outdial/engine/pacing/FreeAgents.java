package dev.outdial.engine.pacing;

import dev.outdial.engine.call.CampaignSettings;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.port.AgentPool;
import dev.outdial.engine.rules.DailyQuota;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** The agents of one campaign who may take a customer now, and whether an agent's daily quota allows another. */
final class FreeAgents {

    /** Replaced when the business's time zone moves its days ({@link #quotaChanged}). */
    private DailyQuota quota;
    private final long campaignId;
    private final AgentPool agents;
    private final AgentDesk desk;
    /** The pool's set of Available agents last seen, and those agents with their desk records, in its order. */
    private Set<AgentId> recordsFor;
    private AgentId[] availableAgents;
    private AgentDesk.Work[] records;
    /** Room to rank the free agents in, one slot per Available agent, kept between rounds: 1,000 agents' worth a round showed. */
    private Idle[] idle;
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
        this.quota = settings.dailyQuota();
        this.campaignId = settings.campaignId();
        this.agents = agents;
        this.desk = desk;
    }

    /** A free agent and since when, so ranking them asks the desk once per agent. */
    private record Idle(AgentId agent, Instant since) {
    }

    /** Free since longest first, then by id; written out, as it sorts the free agents of most rounds. */
    private static final Comparator<Idle> LONGEST_IDLE_FIRST = (a, b) -> {
        int bySince = a.since().compareTo(b.since());
        return bySince != 0 ? bySince : a.agent().value().compareTo(b.agent().value());
    };

    /**
     * Agents who may take a customer now, longest idle first; ties by id so a seed replays the same
     * day. Every pacing round asks, over every Available agent: an array read each while the pool gives
     * the same set, and only the free ones are ranked.
     */
    List<AgentId> at(Instant now) {
        Set<AgentId> available = agents.available(campaignId);
        if (available != recordsFor) {
            availableAgents = available.toArray(AgentId[]::new);
            records = new AgentDesk.Work[availableAgents.length];
            idle = new Idle[availableAgents.length];
            for (int i = 0; i < availableAgents.length; i++) {
                records[i] = desk.recordOf(availableAgents[i]);
            }
            recordsFor = available;
            lastChanges = -1;
        }
        boolean quotas = quota.limitsAnyone();
        if (!quotas && lastChanges == desk.changes() && !now.isBefore(lastAt) && now.isBefore(lastValidUntil)) {
            return lastFree;
        }
        int free = 0;
        Instant validUntil = Instant.MAX;
        for (int i = 0; i < availableAgents.length; i++) {
            Instant since = records[i].freeSinceIfFree(now);
            if (since != null && (!quotas || underQuota(availableAgents[i], now))) {
                idle[free++] = new Idle(availableAgents[i], since);
            } else if (since == null) {
                Instant wrapUpEnd = records[i].wrapUpEndAfter(now);
                if (wrapUpEnd != null && wrapUpEnd.isBefore(validUntil)) {
                    validUntil = wrapUpEnd;
                }
            }
        }
        Arrays.sort(idle, 0, free, LONGEST_IDLE_FIRST);
        AgentId[] ranked = new AgentId[free];
        for (int i = 0; i < free; i++) {
            ranked[i] = idle[i].agent();
            idle[i] = null;
        }
        lastFree = List.of(ranked);
        lastChanges = desk.changes();
        lastAt = now;
        lastValidUntil = validUntil;
        return lastFree;
    }

    /** From now on the agents' quotas count {@code changed}'s days. */
    void quotaChanged(DailyQuota changed) {
        quota = changed;
    }

    /** Whether the agent has a daily quota, which counts the customers they received. */
    boolean hasQuota(AgentId agent) {
        return quota.quotaOf(agent).isPresent();
    }

    boolean underQuota(AgentId agent, Instant now) {
        if (!hasQuota(agent)) {
            return true;
        }
        DailyQuota.QuotaDay today = quota.dayOf(now);
        return quota.allowsAnother(agent, agents.customersReceived(agent, campaignId, today.start(), today.end()));
    }
}
