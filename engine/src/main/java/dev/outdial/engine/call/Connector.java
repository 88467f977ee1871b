package dev.outdial.engine.call;

import dev.outdial.engine.customer.AgentId;
import java.time.Duration;
import java.util.Optional;

/**
 * What happens when the customer answers: who the customer is connected to. This is the one step
 * where dial strategies differ once a call is placed, so a new strategy brings its own connector and
 * the call's life around it stays the same: predictive queues the customer for the first free
 * agent (with waiting music and a maximum wait, then {@code ActiveCall.end(ABANDONED)}), autocall
 * plays the IVR, auto callback has already reached the agent first.
 */
@FunctionalInterface
public interface Connector {

    void customerAnswered(ActiveCall call);

    /**
     * The agent who waits on the line while the customer rings, and so hears the ringing: the one who placed the call
     * (manual, preview) or was called first (auto callback). None where an agent is rung only once the customer answers.
     */
    default Optional<AgentId> agentWaiting() {
        return Optional.empty();
    }

    /**
     * Progressive (and predictive, once an agent is chosen): ring the agent's leg and bridge on
     * answer; unanswered within the timeout, the call ends as AGENT_TIMEOUT.
     */
    static Connector ringAgent(AgentId agent, Duration answerTimeout) {
        return call -> call.ringAgent(agent, answerTimeout);
    }

    /** Manual and preview: the agent placed the call and is on it already, so the answer connects them. */
    static Connector agentOnTheLine(AgentId agent) {
        return new AgentOnTheLine(agent);
    }
}
