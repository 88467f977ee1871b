package dev.outdial.engine.simulation;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.port.AgentPool;
import java.time.Instant;
import java.util.Set;

/**
 * The simulation's agent pool as the engine writes to it: a receipt is a row in the database the call
 * log writes to, so one written outside the log's transactions is a commit of its own, counted there.
 */
final class CommittedReceipts implements AgentPool {

    private final AgentPool agents;
    private final CountingCallLog writes;

    CommittedReceipts(AgentPool agents, CountingCallLog writes) {
        this.agents = agents;
        this.writes = writes;
    }

    @Override
    public Set<AgentId> loggedIn(long campaignId) {
        return agents.loggedIn(campaignId);
    }

    @Override
    public Set<AgentId> available(long campaignId) {
        return agents.available(campaignId);
    }

    @Override
    public void received(AgentId agent, long campaignId, long customerId, Instant at) {
        writes.writeOfAnotherTable(() -> agents.received(agent, campaignId, customerId, at));
    }

    @Override
    public int customersReceived(AgentId agent, long campaignId, Instant from, Instant until) {
        return agents.customersReceived(agent, campaignId, from, until);
    }
}
