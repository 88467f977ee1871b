package dev.outdial.engine.rules;

import java.util.Objects;

/**
 * The answer to "may this customer be dialed now?": allowed, or refused with the rule that
 * refuses it and a detail for the audit trail and the UI's "why is it not dialing".
 */
public sealed interface DialVerdict {

    /** Why a dial is refused, in the order {@link DialCompliance} checks the rules. */
    enum Reason {
        BLOCKED,
        DNC,
        PAUSED,
        ALREADY_ON_CALL,
        PAST_MAX_CALLS,
        BEFORE_START,
        AFTER_END,
        OUTSIDE_WORKING_HOURS,
        OUTSIDE_LOCAL_CALLING_HOURS,
        CONCURRENCY_LIMIT
    }

    record Allowed() implements DialVerdict {
    }

    record Refused(Reason reason, String detail) implements DialVerdict {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    static DialVerdict allowed() {
        return new Allowed();
    }

    static DialVerdict refused(Reason reason, String detail) {
        return new Refused(reason, detail);
    }

    default boolean isAllowed() {
        return this instanceof Allowed;
    }
}
