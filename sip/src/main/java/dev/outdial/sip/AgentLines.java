package dev.outdial.sip;

import dev.outdial.engine.customer.AgentId;
import java.util.function.BiConsumer;

/**
 * Agents' nailed-up legs: for progressive and predictive, Outdial calls an available agent's phone
 * once and keeps that leg up through the session, so {@code ringAgent} answers at once on it and an
 * answered customer is bridged within milliseconds (the 2-second rule).
 */
public interface AgentLines {

    /** Calls the agent's registered phone and keeps the leg up; harmless when it is up or being called. */
    void nailUp(AgentId agent);

    /** Hangs the agent's nailed-up leg up (the agent left, went not available); harmless when there is none. */
    void release(AgentId agent);

    LineState state(AgentId agent);

    /** Told (agent, state) whenever an agent's line changes, e.g. DOWN when the agent hung their phone up. */
    void onChange(BiConsumer<AgentId, LineState> listener);

    enum LineState {
        /** No nailed-up leg. */
        DOWN,
        /** The agent's phone rings for the nailed-up leg. */
        CALLING,
        /** The leg is up: customers are bridged to it at once. */
        UP
    }
}
