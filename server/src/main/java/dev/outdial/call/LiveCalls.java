package dev.outdial.call;

import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.CallRecord;
import java.util.List;
import java.util.Optional;

/**
 * The open calls as the engine running them on this node knows them now (issue 18): a call's steps
 * between its placing and its end reach its record up to a second later, saved together, so the
 * reads of open calls ask the engine first and the record after. Dialing implements it, as it does
 * the {@link LineFence}; the call records only ask. Both are read from any thread.
 */
public interface LiveCalls {

    /** The campaign's call as the engine knows it, while it runs it here; empty when it has ended or runs elsewhere. */
    Optional<CallRecord> open(long campaignId, CallId call);

    /** Every call of the campaign the engine runs here, as it knows them now. */
    List<CallRecord> openOf(long campaignId);

    /** Whether the engine runs the campaign here: then a call of it this node does not know is not open any more. */
    boolean runs(long campaignId);
}
