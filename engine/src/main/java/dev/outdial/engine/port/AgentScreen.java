package dev.outdial.engine.port;

import dev.outdial.engine.customer.AgentId;

/**
 * The agent's campaign execution screen, as the engine updates it: live, the server pushes each
 * update to the agent's page (Server-Sent Events); in a simulation, the simulated agents act on them.
 */
public interface AgentScreen {

    void show(AgentId agent, AgentUpdate update);
}
