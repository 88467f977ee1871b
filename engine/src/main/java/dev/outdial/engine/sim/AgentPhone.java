package dev.outdial.engine.sim;

import dev.outdial.engine.port.CallId;

/**
 * An agent's phone on the simulated carrier: told when a leg rings for the agent, who answers it
 * with {@link SimulatedCarrier#answer}. Live, the server's phone pushes "call ringing" to the
 * agent's page and answers from {@code POST /api/v1/calls/{id}/answer}; a simulated agent answers
 * after its own delay.
 */
@FunctionalInterface
public interface AgentPhone {

    void ringing(CallId leg);

    /** The leg stopped ringing unanswered: it timed out, or the call ended first. */
    default void stoppedRinging(CallId leg) {
    }
}
