package dev.outdial.engine.port;

import dev.outdial.engine.customer.CallResult;
import java.util.Objects;

/** What telephony reports about a call leg, in the order it happens. */
public sealed interface CallEvent {

    CallId call();

    /** Whether nothing follows this event on its leg (see {@link Telephony}'s contract). */
    default boolean isTerminal() {
        return this instanceof Failed || this instanceof HungUp;
    }

    /** The called party's phone rings. */
    record Ringing(CallId call) implements CallEvent {
    }

    /** The called party picked up; {@code byMachine} when the carrier detected an answering machine. */
    record Answered(CallId call, boolean byMachine) implements CallEvent {
    }

    /**
     * The call was not answered: {@code reason} is one of NOANSWER, BUSY, REFUSAL, INVALID_NUMBER,
     * HOTLINE_ERROR or NETWORK_ERROR.
     */
    record Failed(CallId call, CallResult reason) implements CallEvent {
        public Failed {
            Objects.requireNonNull(reason, "reason");
            if (reason.isReached()) {
                throw new IllegalArgumentException("a failed call cannot have been reached");
            }
        }
    }

    /** Digits the caller keyed, as asked by {@link Telephony#collectDigits}; empty on timeout. */
    record DigitsCollected(CallId call, String digits) implements CallEvent {
    }

    /** An answered call ended; {@code cause} tells who ended it. */
    record HungUp(CallId call, Cause cause) implements CallEvent {

        /** Who ended an answered leg. */
        public enum Cause {
            /** The far end hung up. */
            FAR_END,
            /** The network lost the far end: no audio for too long, a session not refreshed, a phone gone silent. */
            LINE_LOST,
            /** The platform hung up, as the engine asked. */
            PLATFORM
        }

        public HungUp {
            Objects.requireNonNull(cause, "cause");
        }

        /** Whether the leg ended on the far end's side, hung up or lost, rather than by the platform. */
        public boolean byFarEnd() {
            return cause != Cause.PLATFORM;
        }
    }
}
