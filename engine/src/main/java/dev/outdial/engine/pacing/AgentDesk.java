package dev.outdial.engine.pacing;

import dev.outdial.engine.customer.AgentId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What each agent of a business is doing for the engine, across all its campaigns (an agent is one
 * person, whatever screens they have open): the one customer they hold, from the moment it is
 * theirs until it is processed, and their wrap-up. The server knows presence (the
 * {@code AgentPool}); the engine knows work.
 *
 * <p>Manual: "a new customer only after the previous one is processed (call ended and classified,
 * callback set, or do-not-call-back set)"; the same holds for every agent here, so no agent ever
 * has two customers.
 */
public final class AgentDesk {

    /** The customer an agent holds: offered, being dialed, on a call, or awaiting the agent's disposition. */
    public record Holding(long campaignId, long customerId) {
    }

    /**
     * What the desk knows of one agent. A campaign's pacing keeps its Available agents' records in an
     * array while its set of agents stays the same, so ranking the free ones costs no lookup at all.
     */
    static final class Work {
        private Holding holding;
        private Instant wrapUpUntil;
        private Instant freeSince = Instant.MIN;
        private boolean onInboundCall;

        /** Since when the agent has been free if free at {@code now}, else null. */
        Instant freeSinceIfFree(Instant now) {
            return isFree(now) ? freeSince : null;
        }

        boolean isFree(Instant now) {
            return holding == null && !onInboundCall && !inWrapUp(now);
        }

        boolean inWrapUp(Instant now) {
            return wrapUpUntil != null && wrapUpUntil.isAfter(now);
        }

        /** When the agent's wrap-up ends if it is still on at {@code now}, else null. */
        Instant wrapUpEndAfter(Instant now) {
            return inWrapUp(now) ? wrapUpUntil : null;
        }
    }

    /** An agent the desk has never seen: free since the beginning of time. */
    private static final Work NEVER_WORKED = new Work();

    private final Map<AgentId, Work> agents = new HashMap<>();
    /** Counts the changes to any agent's work: who is free changes only with it, or as wrap-ups end. */
    private long changes;

    /** Whether the agent may be given a customer at {@code now}: holds none, takes no inbound call, is out of wrap-up. */
    public boolean isFree(AgentId agent, Instant now) {
        return workOf(agent).isFree(now);
    }

    /** Changes so far to any agent's work; the same count means the same work, wrap-ups ending aside. */
    long changes() {
        return changes;
    }

    /** The agent's record, kept for good from now on: what a pacing round reads for them. */
    Work recordOf(AgentId agent) {
        return working(agent);
    }

    /** An inbound queue call rings for or talks to the agent: no campaign gives them work meanwhile. */
    public void takeInbound(AgentId agent, Instant now) {
        if (!isFree(agent, now)) {
            throw new IllegalStateException(agent + " is not free for an inbound call");
        }
        working(agent).onInboundCall = true;
        changes++;
    }

    /** The agent's inbound call is over (or their phone was not answered): free again. */
    public void releaseInbound(AgentId agent, Instant now) {
        Work work = workOf(agent);
        if (work.onInboundCall) {
            changes++;
            work.onInboundCall = false;
            if (work.holding == null && !work.inWrapUp(now)) {
                work.freeSince = now;
            }
        }
    }

    public boolean inWrapUp(AgentId agent, Instant now) {
        return workOf(agent).inWrapUp(now);
    }

    /** Since when the agent has had no work: "longest idle first". Never worked: since the beginning of time. */
    public Instant freeSince(AgentId agent) {
        return workOf(agent).freeSince;
    }

    public Optional<Holding> holding(AgentId agent) {
        return Optional.ofNullable(workOf(agent).holding);
    }

    public void hold(AgentId agent, long campaignId, long customerId) {
        Work work = working(agent);
        if (work.holding != null) {
            throw new IllegalStateException(agent + " already holds customer " + work.holding.customerId()
                    + " of campaign " + work.holding.campaignId());
        }
        work.holding = new Holding(campaignId, customerId);
        changes++;
    }

    /** The agent's customer is processed or given back; the agent is free once out of wrap-up. */
    public void release(AgentId agent, Instant now) {
        Work work = workOf(agent);
        if (work.holding != null) {
            changes++;
            work.holding = null;
            if (!work.inWrapUp(now)) {
                work.freeSince = now;
            }
        }
    }

    public void startWrapUp(AgentId agent, Instant until) {
        Work work = working(agent);
        work.wrapUpUntil = until;
        work.freeSince = until;
        changes++;
    }

    /** "They can end it early." */
    public void endWrapUp(AgentId agent, Instant now) {
        Work work = workOf(agent);
        if (work.wrapUpUntil != null) {
            changes++;
            work.wrapUpUntil = null;
            work.freeSince = now;
        }
    }

    /**
     * Adds the customers of the campaign held by agents to {@code held}: their leases are this node's to
     * renew. A lease beat gathers them with the others it renews in one set; it asks over every agent, so
     * a loop, not a stream.
     */
    public void addCustomersHeldIn(long campaignId, Set<Long> held) {
        for (Work work : agents.values()) {
            if (work.holding != null && work.holding.campaignId() == campaignId) {
                held.add(work.holding.customerId());
            }
        }
    }

    /** Agents holding a customer of the campaign. */
    public Set<AgentId> agentsHoldingIn(long campaignId) {
        return agents.entrySet().stream().filter(entry -> entry.getValue().holding != null
                        && entry.getValue().holding.campaignId() == campaignId)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private Work workOf(AgentId agent) {
        return agents.getOrDefault(agent, NEVER_WORKED);
    }

    private Work working(AgentId agent) {
        return agents.computeIfAbsent(agent, ignored -> new Work());
    }
}
