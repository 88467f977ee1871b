package dev.outdial.dialing.internal;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.port.AgentPool;
import dev.outdial.shared.NodeId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Agents' presence as the engine's {@link AgentPool}: the Available / Not available switch and the
 * campaigns whose execution screen each agent has open ("closing it stops new work from that
 * campaign"). Presence lives in this node's memory: an agent works against one node, and after a
 * restart agents set their state and open their campaigns again. What they received, for the
 * daily quota, is in the database, since the quota "must survive a restart"; receiving a customer
 * also makes the agent its account manager where the campaign asks.
 *
 * <p>Which node an agent works against is in the database too ({@code agent_presence}), renewed by
 * the {@link PresenceHeartbeat}: this node counts an agent present only while it has seen their
 * presence renewed as its own within the presence lease, so after a failover it never dials for
 * agents who moved to another node, nor, woken from a long pause, before it checked they are still
 * here (issue 14).
 */
@Component
public class AgentSessions implements AgentPool {

    private final Set<AgentId> available = ConcurrentHashMap.newKeySet();
    /** Available agents whose phone still rings for their line (sip mode): given no work until it is up. */
    private final Set<AgentId> waitingForLine = ConcurrentHashMap.newKeySet();
    private final Map<Long, Set<AgentId>> openScreens = new ConcurrentHashMap<>();
    /** When this node last saw each agent's presence renewed as its own. */
    private final Map<AgentId, Instant> renewed = new ConcurrentHashMap<>();
    private final AgentReceiptRepository receipts;
    private final AccountManagers accountManagers;
    private final AgentPresenceRepository presence;
    private final String node;
    private final Duration presenceLease;
    private final Clock clock;

    AgentSessions(AgentReceiptRepository receipts, AccountManagers accountManagers, AgentPresenceRepository presence,
                  NodeId node, DialingProperties properties, Clock clock) {
        this.receipts = receipts;
        this.accountManagers = accountManagers;
        this.presence = presence;
        this.node = node.value();
        this.presenceLease = properties.presenceLease();
        this.clock = clock;
    }

    public void setAvailable(AgentId agent, boolean isAvailable) {
        present(agent);
        if (isAvailable) {
            available.add(agent);
        } else {
            available.remove(agent);
            waitingForLine.remove(agent);
        }
    }

    /**
     * The agent's phone is being called for their line: no work for them until {@link #stopWaitingForLine}. A customer
     * dialed now would be answered while the phone still rings, wait for an agent who may never pick up, and be hung up
     * on.
     */
    public void waitForLine(AgentId agent) {
        waitingForLine.add(agent);
    }

    /** The agent's line is up, or no longer wanted: they may be given work again. */
    public void stopWaitingForLine(AgentId agent) {
        waitingForLine.remove(agent);
    }

    public boolean isAvailable(AgentId agent) {
        return available.contains(agent);
    }

    public void open(AgentId agent, long campaignId) {
        present(agent);
        openScreens.computeIfAbsent(campaignId, ignored -> ConcurrentHashMap.newKeySet()).add(agent);
    }

    public void close(AgentId agent, long campaignId) {
        openScreens.getOrDefault(campaignId, Set.of()).remove(agent);
    }

    public boolean hasOpen(AgentId agent, long campaignId) {
        return openScreens.getOrDefault(campaignId, Set.of()).contains(agent);
    }

    @Override
    public Set<AgentId> loggedIn(long campaignId) {
        Instant now = clock.instant();
        return openScreens.getOrDefault(campaignId, Set.of()).stream().filter(agent -> isPresent(agent, now))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Set<AgentId> available(long campaignId) {
        Instant now = clock.instant();
        return openScreens.getOrDefault(campaignId, Set.of()).stream().filter(available::contains)
                .filter(agent -> !waitingForLine.contains(agent))
                .filter(agent -> isPresent(agent, now)).collect(Collectors.toUnmodifiableSet());
    }

    /** The agent acts on this node: their presence is this node's, seen renewed now. */
    private void present(AgentId agent) {
        Instant now = clock.instant();
        presence.claim(userId(agent), node, now);
        renewed.put(agent, now);
    }

    private boolean isPresent(AgentId agent, Instant now) {
        Instant seen = renewed.get(agent);
        return seen != null && seen.plus(presenceLease).isAfter(now);
    }

    /**
     * The presence heartbeat: renews the presence of the agents present here; those now another
     * node's (they moved there) are present here no more, their state and screens forgotten.
     */
    void renewPresence() {
        Instant now = clock.instant();
        Set<Long> ours = presence.renew(node, now);
        for (AgentId agent : Set.copyOf(renewed.keySet())) {
            if (ours.contains(userId(agent))) {
                renewed.put(agent, now);
            } else {
                renewed.remove(agent);
                available.remove(agent);
                waitingForLine.remove(agent);
                openScreens.values().forEach(screens -> screens.remove(agent));
            }
        }
    }

    @Override
    public void received(AgentId agent, long campaignId, long customerId, Instant at) {
        receipts.received(userId(agent), campaignId, customerId, at);
        accountManagers.received(agent, campaignId, customerId);
    }

    @Override
    public int customersReceived(AgentId agent, long campaignId, Instant from, Instant until) {
        return receipts.customersReceived(userId(agent), campaignId, from, until);
    }

    private static long userId(AgentId agent) {
        return Long.parseLong(agent.value());
    }
}
