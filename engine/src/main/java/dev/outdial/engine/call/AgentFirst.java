package dev.outdial.engine.call;

import dev.outdial.engine.customer.AgentId;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Auto callback: "the system will automatically call the agent first. Once the agent answers, the
 * system will then dial the customer's number." A dispatch with this connector rings the agent's
 * leg before the customer is dialed ({@link CallOrchestrator#ringAgentFirst}); the customer's answer
 * then bridges them to the agent already on the line.
 *
 * @param answerTimeout how long the agent's leg rings before the customer goes back for the next agent
 */
public record AgentFirst(AgentId agent, Duration answerTimeout) implements Connector {

    public AgentFirst {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(answerTimeout, "answerTimeout");
    }

    @Override
    public Optional<AgentId> agentWaiting() {
        return Optional.of(agent);
    }

    @Override
    public void customerAnswered(ActiveCall call) {
        call.bridgeAgentOnTheLine(agent);
    }
}
