package dev.outdial.call;

import dev.outdial.engine.rules.AbandonRate;
import java.util.OptionalDouble;

/**
 * Calls counted over a period (read-only, for live figures and reports).
 *
 * @param dials     calls placed
 * @param contacts  calls that reached the customer and an agent (result SUCCESS)
 * @param abandoned calls answered by the customer but ended before an agent took them (ABANDONED)
 */
public record CallTally(long dials, long contacts, long abandoned) {

    public static final CallTally NONE = new CallTally(0, 0, 0);

    /** Answered by a person: connected to an agent or abandoned waiting for one (as the pacing counts it). */
    public long answeredByAPerson() {
        return contacts + abandoned;
    }

    /** Abandoned ÷ answered by a person ({@link AbandonRate}, SPEC §7), or null before anyone answered. */
    public Double abandonRate() {
        OptionalDouble rate = AbandonRate.of(abandoned, answeredByAPerson());
        return rate.isPresent() ? rate.getAsDouble() : null;
    }

    public CallTally plus(CallTally other) {
        return new CallTally(dials + other.dials, contacts + other.contacts, abandoned + other.abandoned);
    }
}
