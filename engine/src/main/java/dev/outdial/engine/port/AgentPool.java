package dev.outdial.engine.port;

import dev.outdial.engine.customer.AgentId;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The agents of a campaign as the engine needs them: who is there, who can take work now. */
public interface AgentPool {

    /** Agents with the campaign's execution screen open: what callback ownership asks about. */
    Set<AgentId> loggedIn(long campaignId);

    /**
     * Agents logged in, Available and out of wrap-up, who may take a customer of the campaign now,
     * longest idle first.
     */
    List<AgentId> available(long campaignId);

    /** How many customers of the campaign the agent received in {@code [from, until)}, for the daily quota. */
    int customersReceived(AgentId agent, long campaignId, Instant from, Instant until);
}
