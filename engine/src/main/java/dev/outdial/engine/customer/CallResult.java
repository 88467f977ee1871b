package dev.outdial.engine.customer;

/**
 * The technical result of one call (SPEC §4.4), and what it means for the customer's attempts.
 *
 * <p>The admin maps these to call classifications per campaign; the engine only needs to know
 * which {@link Category} a result falls in.
 */
public enum CallResult {
    /** Answered and connected. */
    SUCCESS(Category.REACHED),
    NOANSWER(Category.NOT_REACHED),
    BUSY(Category.NOT_REACHED),
    /** Rejected by the called party. */
    REFUSAL(Category.NOT_REACHED),
    /** Answered, but no agent within the maximum wait: the customer was not served. */
    ABANDONED(Category.NOT_REACHED),
    /** An answering machine answered: the customer in person was not reached. */
    MACHINE(Category.NOT_REACHED),
    INVALID_NUMBER(Category.INVALID_NUMBER),
    HOTLINE_ERROR(Category.BUSINESS_SIDE_ERROR),
    NETWORK_ERROR(Category.BUSINESS_SIDE_ERROR),
    /** The agent's leg could not be connected in time. */
    AGENT_TIMEOUT(Category.BUSINESS_SIDE_ERROR);

    /** What a result means for the customer, which is all the state machine decides on. */
    public enum Category {
        /** The customer was reached: the agent's disposition decides what follows. */
        REACHED,
        /** Not reached (no answer, busy, refused, abandoned, machine): an attempt of the cycle. */
        NOT_REACHED,
        /**
         * "Errors caused by the business's side (hotline, network, agent connection) do not consume
         * the customer's attempts; such customers are retried after the fresh data is exhausted, at
         * most 3 times, then stay ERROR."
         */
        BUSINESS_SIDE_ERROR,
        /** "A number the network reports as invalid is ERROR at once and not retried." */
        INVALID_NUMBER
    }

    private final Category category;

    CallResult(Category category) {
        this.category = category;
    }

    public Category category() {
        return category;
    }

    /** Whether the call counts towards the campaign's maximum calls in the current contact cycle. */
    public boolean consumesAttempt() {
        return category == Category.NOT_REACHED;
    }

    /** Whether the failure was on the business's side: no attempt consumed, a deferred retry. */
    public boolean isBusinessSideError() {
        return category == Category.BUSINESS_SIDE_ERROR;
    }

    /** Whether the result ends dialing of this number for good (ERROR at once, no retry). */
    public boolean isFinalError() {
        return category == Category.INVALID_NUMBER;
    }

    public boolean isReached() {
        return category == Category.REACHED;
    }
}
