package dev.outdial.dialing.internal;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.port.AgentPool;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Agents' presence as the engine's {@link AgentPool}: the Available / Not available switch and the
 * campaigns whose execution screen each agent has open ("closing it stops new work from that
 * campaign"). Presence lives in this node's memory: an agent works against one node, and after a
 * restart agents set their state and open their campaigns again. What they received, for the
 * daily quota, is in the database, since the quota "must survive a restart"; receiving a customer
 * also makes the agent its account manager where the campaign asks.
 */
@Component
public class AgentSessions implements AgentPool {

    private final Set<AgentId> available = ConcurrentHashMap.newKeySet();
    private final Map<Long, Set<AgentId>> openScreens = new ConcurrentHashMap<>();
    private final AgentReceiptRepository receipts;
    private final AccountManagers accountManagers;

    AgentSessions(AgentReceiptRepository receipts, AccountManagers accountManagers) {
        this.receipts = receipts;
        this.accountManagers = accountManagers;
    }

    public void setAvailable(AgentId agent, boolean isAvailable) {
        if (isAvailable) {
            available.add(agent);
        } else {
            available.remove(agent);
        }
    }

    public boolean isAvailable(AgentId agent) {
        return available.contains(agent);
    }

    public void open(AgentId agent, long campaignId) {
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
        return Set.copyOf(openScreens.getOrDefault(campaignId, Set.of()));
    }

    @Override
    public Set<AgentId> available(long campaignId) {
        Set<AgentId> present = ConcurrentHashMap.newKeySet();
        openScreens.getOrDefault(campaignId, Set.of()).stream().filter(available::contains).forEach(present::add);
        return Set.copyOf(present);
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
