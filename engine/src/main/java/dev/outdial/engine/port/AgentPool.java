package dev.outdial.engine.port;

import dev.outdial.engine.customer.AgentId;
import java.time.Instant;
import java.util.Set;

/**
 * The agents of a campaign as the server knows them: who has the campaign's execution screen open
 * and their Available / Not available switch, and how many customers they received (for the daily
 * quota, which must survive a restart).
 *
 * <p>What an agent is doing for the engine (holding a customer, on a call, in wrap-up) the engine
 * keeps itself and reports to the agent's {@link AgentScreen}; the server tells the engine when
 * presence changes so it can react at once.
 */
public interface AgentPool {

    /** Agents with the campaign's execution screen open, whatever their state: what callback ownership asks about. */
    Set<AgentId> loggedIn(long campaignId);

    /**
     * Agents with the campaign's screen open and their state Available: who may be given work. A
     * set once returned is never changed (the pacing keeps its copy while the same set comes back).
     */
    Set<AgentId> available(long campaignId);

    /** Notes that the agent received a customer of the campaign, for the daily quota. */
    void received(AgentId agent, long campaignId, long customerId, Instant at);

    /** How many customers of the campaign the agent received in {@code [from, until)}, for the daily quota. */
    int customersReceived(AgentId agent, long campaignId, Instant from, Instant until);
}
