package dev.outdial.engine.port;

import dev.outdial.engine.rules.DialVerdict;
import java.time.Instant;

/**
 * The record of calls and dial decisions: "every dial decision can be audited afterwards from the
 * call records" (SPEC §7).
 */
public interface CallLog {

    /** Records an attempt once its call has ended; "every attempt is recorded regardless". */
    void record(CallRecord call);

    /** Records a dial that {@code DialCompliance} refused, with its reason. */
    void recordRefusal(long campaignId, long customerId, String number, Instant at, DialVerdict.Refused refusal);

    /** Calls of the business open now, all campaigns and manual calls: what the contract limit counts. */
    int openCalls(long businessId);
}
