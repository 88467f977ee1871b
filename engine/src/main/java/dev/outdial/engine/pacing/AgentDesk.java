package dev.outdial.engine.pacing;

import dev.outdial.engine.customer.AgentId;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
        /** Null only for {@link #NEVER_WORKED}, which is in no index. */
        private final AgentId agent;
        private Holding holding;
        private Instant wrapUpUntil;
        private Instant freeSince = Instant.MIN;
        private boolean onInboundCall;

        private Work(AgentId agent) {
            this.agent = agent;
        }

        AgentId agent() {
            return agent;
        }

        /** Holds no customer and takes no inbound call: free, or free once out of wrap-up. */
        private boolean isUnoccupied() {
            return holding == null && !onInboundCall;
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
    private static final Work NEVER_WORKED = new Work(null);

    /** Free since longest first, then by id: the order agents are given customers in. */
    private static final Comparator<Work> LONGEST_FREE_FIRST = (a, b) -> {
        int bySince = a.freeSince.compareTo(b.freeSince);
        return bySince != 0 ? bySince : a.agent.value().compareTo(b.agent.value());
    };

    private final Map<AgentId, Work> agents = new HashMap<>();
    /**
     * The agents holding no customer and on no inbound call (the free ones and those in wrap-up), kept
     * in {@link #LONGEST_FREE_FIRST} order as their work changes: a pacing round reads the free agents
     * ranked from here instead of looking at every agent and sorting the free ones (with 1,000 agents,
     * most of them talking, that was 8 % of a day).
     */
    private final NavigableSet<Work> unoccupied = new TreeSet<>(LONGEST_FREE_FIRST);
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

    /**
     * Every agent with a record who holds no customer and takes no inbound call, longest free first,
     * then by id: the free ones and those in wrap-up. Read-only, valid until the next change.
     */
    NavigableSet<Work> unoccupied() {
        return unoccupied;
    }

    /** An inbound queue call rings for or talks to the agent: no campaign gives them work meanwhile. */
    public void takeInbound(AgentId agent, Instant now) {
        if (!isFree(agent, now)) {
            throw new IllegalStateException(agent + " is not free for an inbound call");
        }
        Work work = working(agent);
        unoccupied.remove(work);
        work.onInboundCall = true;
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
            indexIfUnoccupied(work);
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
        unoccupied.remove(work);
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
            indexIfUnoccupied(work);
        }
    }

    public void startWrapUp(AgentId agent, Instant until) {
        Work work = working(agent);
        unoccupied.remove(work);
        work.wrapUpUntil = until;
        work.freeSince = until;
        indexIfUnoccupied(work);
        changes++;
    }

    /** "They can end it early." */
    public void endWrapUp(AgentId agent, Instant now) {
        Work work = workOf(agent);
        if (work.wrapUpUntil != null) {
            changes++;
            unoccupied.remove(work);
            work.wrapUpUntil = null;
            work.freeSince = now;
            indexIfUnoccupied(work);
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
        Work work = agents.get(agent);
        if (work == null) {
            work = new Work(agent);
            agents.put(agent, work);
            unoccupied.add(work);
        }
        return work;
    }

    /** The agent's work changed (taken out of the index before, its order may have moved): back in if unoccupied. */
    private void indexIfUnoccupied(Work work) {
        if (work.isUnoccupied()) {
            unoccupied.add(work);
        }
    }
}
