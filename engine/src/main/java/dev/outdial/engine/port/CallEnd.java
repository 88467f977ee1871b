package dev.outdial.engine.port;

import java.util.Optional;

/**
 * Who ended an answered call: the first thing an operator asks when agents say their calls drop, and what tells a
 * customer hanging up in the queue from the platform giving up on them (both ABANDONED).
 */
public enum CallEnd {
    /** The customer hung up. */
    CUSTOMER_HUNG_UP,
    /** The agent hung up: on their phone, or from their page. */
    AGENT_HUNG_UP,
    /** The network lost the customer: no audio for too long, a session not refreshed, a phone gone silent. */
    CUSTOMER_LINE_LOST,
    /** The network lost the agent's phone, which took the customer's call down with it. */
    AGENT_LINE_LOST,
    /**
     * The platform ended the call: the customer waited too long for an agent, an IVR or a machine's message ran to its
     * end, the agent rung did not answer.
     */
    PLATFORM_HUNG_UP;

    /**
     * Who ended a call whose customer's (or caller's) leg ended as {@code cause}; {@code askedFor}, where the platform
     * asked for the hang-up, whom it hung up for (the agent on their page, or itself).
     */
    public static CallEnd ofCustomersLeg(CallEvent.HungUp.Cause cause, Optional<CallEnd> askedFor) {
        return switch (cause) {
            case FAR_END -> CUSTOMER_HUNG_UP;
            case LINE_LOST -> CUSTOMER_LINE_LOST;
            case PLATFORM -> askedFor.orElse(PLATFORM_HUNG_UP);
        };
    }

    /** Who ends a call whose agent's leg ended as {@code cause}: the call goes down with it. */
    public static CallEnd ofAgentsLeg(CallEvent.HungUp.Cause cause) {
        return switch (cause) {
            case FAR_END -> AGENT_HUNG_UP;
            case LINE_LOST -> AGENT_LINE_LOST;
            case PLATFORM -> PLATFORM_HUNG_UP;
        };
    }
}
