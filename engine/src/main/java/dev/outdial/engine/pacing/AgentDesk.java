package dev.outdial.engine.pacing;

import dev.outdial.engine.customer.AgentId;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
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

    private final Map<AgentId, Holding> holdings = new HashMap<>();
    private final Map<AgentId, Instant> wrapUpUntil = new HashMap<>();
    private final Map<AgentId, Instant> freeSince = new HashMap<>();
    private final Set<AgentId> onInboundCalls = new HashSet<>();

    /** Whether the agent may be given a customer at {@code now}: holds none, takes no inbound call, is out of wrap-up. */
    public boolean isFree(AgentId agent, Instant now) {
        return !holdings.containsKey(agent) && !onInboundCalls.contains(agent) && !inWrapUp(agent, now);
    }

    /** An inbound queue call rings for or talks to the agent: no campaign gives them work meanwhile. */
    public void takeInbound(AgentId agent, Instant now) {
        if (!isFree(agent, now)) {
            throw new IllegalStateException(agent + " is not free for an inbound call");
        }
        onInboundCalls.add(agent);
    }

    /** The agent's inbound call is over (or their phone was not answered): free again. */
    public void releaseInbound(AgentId agent, Instant now) {
        if (onInboundCalls.remove(agent) && !holdings.containsKey(agent) && !inWrapUp(agent, now)) {
            freeSince.put(agent, now);
        }
    }

    public boolean inWrapUp(AgentId agent, Instant now) {
        Instant until = wrapUpUntil.get(agent);
        return until != null && until.isAfter(now);
    }

    /** Since when the agent has had no work: "longest idle first". Never worked: since the beginning of time. */
    public Instant freeSince(AgentId agent) {
        return freeSince.getOrDefault(agent, Instant.MIN);
    }

    public Optional<Holding> holding(AgentId agent) {
        return Optional.ofNullable(holdings.get(agent));
    }

    public void hold(AgentId agent, long campaignId, long customerId) {
        Holding previous = holdings.putIfAbsent(agent, new Holding(campaignId, customerId));
        if (previous != null) {
            throw new IllegalStateException(agent + " already holds customer " + previous.customerId()
                    + " of campaign " + previous.campaignId());
        }
    }

    /** The agent's customer is processed or given back; the agent is free once out of wrap-up. */
    public void release(AgentId agent, Instant now) {
        if (holdings.remove(agent) != null && !inWrapUp(agent, now)) {
            freeSince.put(agent, now);
        }
    }

    public void startWrapUp(AgentId agent, Instant until) {
        wrapUpUntil.put(agent, until);
        freeSince.put(agent, until);
    }

    /** "They can end it early." */
    public void endWrapUp(AgentId agent, Instant now) {
        if (wrapUpUntil.remove(agent) != null) {
            freeSince.put(agent, now);
        }
    }

    /** Customers of the campaign held by agents: their leases are this node's to renew. */
    public Set<Long> customersHeldIn(long campaignId) {
        return holdings.values().stream().filter(holding -> holding.campaignId() == campaignId)
                .map(Holding::customerId).collect(Collectors.toSet());
    }

    /** Agents holding a customer of the campaign. */
    public Set<AgentId> agentsHoldingIn(long campaignId) {
        return holdings.entrySet().stream().filter(entry -> entry.getValue().campaignId() == campaignId)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }
}
