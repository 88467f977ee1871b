package dev.outdial.sip;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CallResult;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Agents' nailed-up legs: for manual, preview, progressive and predictive, Outdial calls an available
 * agent's phone once and keeps that leg up through the session, so {@code ringAgent} answers at once
 * on it and an answered customer is bridged within milliseconds (the 2-second rule).
 */
public interface AgentLines {

    /** Calls the agent's registered phone and keeps the leg up; harmless when it is up or being called. */
    void nailUp(AgentId agent);

    /** Hangs the agent's nailed-up leg up (the agent left, went not available); harmless when there is none. */
    void release(AgentId agent);

    LineState state(AgentId agent);

    /** Told whenever an agent's line changes, e.g. DOWN when the agent hung their phone up. */
    void onChange(Listener listener);

    /**
     * Told whenever an agent's phone, rung for a call apart from their line (a queue call, an auto callback's ring
     * before the customer is dialed, a customer answered after the line dropped), does not take it: how it answered,
     * as {@link Listener#changed}'s {@code notTaken}. Not told of a ring the engine ended itself.
     */
    void onCallNotTaken(BiConsumer<AgentId, CallResult> listener);

    @FunctionalInterface
    interface Listener {

        /**
         * @param notTaken for a line gone DOWN without coming up, how the phone answered Outdial's call: NOANSWER
         *                 (not picked up in time), BUSY or REFUSAL (declined), HOTLINE_ERROR (it refused what Outdial
         *                 offered, e.g. no codec in common), NETWORK_ERROR (unreachable); empty otherwise
         */
        void changed(AgentId agent, LineState state, Optional<CallResult> notTaken);
    }

    enum LineState {
        /** No nailed-up leg. */
        DOWN,
        /** The agent's phone rings for the nailed-up leg. */
        CALLING,
        /** The leg is up: customers are bridged to it at once. */
        UP
    }
}
