package dev.outdial.engine.call;

import dev.outdial.engine.customer.AgentId;
import java.util.Objects;
import java.util.Optional;

/**
 * Manual and preview: the agent placed the call and waits on it, hearing it ring where their phone is up; the
 * customer's answer connects them ({@link ActiveCall#connectAgentOnTheLine}).
 */
record AgentOnTheLine(AgentId agent) implements Connector {

    AgentOnTheLine {
        Objects.requireNonNull(agent, "agent");
    }

    @Override
    public Optional<AgentId> agentWaiting() {
        return Optional.of(agent);
    }

    @Override
    public void customerAnswered(ActiveCall call) {
        call.connectAgentOnTheLine(agent);
    }
}
