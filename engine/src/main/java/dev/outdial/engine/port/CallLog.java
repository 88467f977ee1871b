package dev.outdial.engine.port;

import dev.outdial.engine.rules.DialVerdict;
import java.time.Instant;
import java.util.Optional;

/**
 * The record of calls and dial decisions: "every dial decision can be audited afterwards from the
 * call records" (SPEC §7). It is also what the contract's concurrency counts: a call is open from
 * its first save until it is saved ended.
 */
public interface CallLog {

    /**
     * Saves the call as it stands, replacing what was saved under its id: once when it is placed,
     * then at each step (ringing, answered, connected, ended, disposed). "Every attempt is recorded
     * regardless."
     */
    void save(CallRecord call);

    /** Records a dial that {@code DialCompliance} refused, with its reason; nothing was dialed. */
    void recordRefusal(long campaignId, long customerId, String number, Instant at, DialVerdict.Refused refusal);

    /** Calls of the business open now, all campaigns and manual calls: what the contract limit counts. */
    int openCalls(long businessId);

    /** The customer's call that is still open, if any: what a lapsed lease leaves behind after a crash. */
    Optional<CallRecord> openCallOf(long campaignId, long customerId);
}
