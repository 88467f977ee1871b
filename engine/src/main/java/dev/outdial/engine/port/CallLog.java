package dev.outdial.engine.port;

import dev.outdial.engine.rules.DialVerdict;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The record of calls and dial decisions: "every dial decision can be audited afterwards from the
 * call records" (SPEC §7). It is also what the contract's concurrency counts: a call is open from
 * its first save until it is saved ended.
 */
public interface CallLog {

    /**
     * The last check before a number is dialed, and its record, as one step: when the business's
     * open calls (every node's) leave a line free under {@code contractLimit} and this node may
     * still start the business's calls, {@code pending} (under the name the call keeps: telephony
     * places it under that name) is recorded open at once, so it counts against the limit before
     * the call exists. A record with that id already there is an error, never overwritten.
     */
    LineRequest openLine(CallRecord pending, int contractLimit);

    /** The call opened as {@code pending} is not placed after all: its line is free again. */
    void cancelLine(CallId pending);

    /**
     * Saves the call as it stands at each step after it was placed (ringing, answered, connected,
     * ended, disposed), replacing what was saved under its id. "Every attempt is recorded regardless."
     */
    void save(CallRecord call);

    /**
     * Runs {@code work} — a call's end and what it does to its customer — so that its saves here and
     * in the {@code CustomerStore} are kept together or not at all: a crash between them must never
     * leave a customer done while its call stays open, nor a call ended while its customer still
     * waits on it. A log without transactions runs it as it is.
     */
    default <T> T atomically(Supplier<T> work) {
        return work.get();
    }

    /** Records a dial that {@code DialCompliance} refused, with its reason; nothing was dialed. */
    void recordRefusal(long campaignId, long customerId, String number, Instant at, DialVerdict.Refused refusal);

    /** Calls of the business open now, all campaigns and manual calls: what the contract limit counts. */
    int openCalls(long businessId);

    /** The customer's call that is still open, if any: what a lapsed lease leaves behind after a crash. */
    Optional<CallRecord> openCallOf(long campaignId, long customerId);
}
