package dev.outdial.call;

import dev.outdial.call.internal.CallRecordRepository;
import dev.outdial.call.internal.OpenCallsNow;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.CallLog;
import dev.outdial.engine.port.CallRecord;
import dev.outdial.engine.port.LineRequest;
import dev.outdial.engine.rules.DialVerdict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/**
 * The call records as the dialing engine sees them: its {@link CallLog} over the table this module
 * owns, each line opened under the {@link LineFence} the dialing module keeps, and the reads the
 * live engine makes of its calls (who called a customer last, a campaign's recent calls, the
 * ticket a call left). The engine's side effects of a call's end (the customer's classification,
 * {@link CallEnded}) are the dialing module's: it wraps this log.
 */
@Service
public class DialingCalls implements CallLog {

    private final CallRecordRepository calls;
    private final OpenCallsNow now;

    DialingCalls(CallRecordRepository calls, OpenCallsNow now) {
        this.calls = calls;
        this.now = now;
    }

    @Override
    public LineRequest openLine(CallRecord pending, int contractLimit) {
        return calls.openLine(pending, contractLimit);
    }

    @Override
    public void cancelLine(CallId pending) {
        calls.cancelLine(pending);
    }

    @Override
    public void save(CallRecord call) {
        calls.save(call);
    }

    /** Runs work in one transaction with the call records it writes, joining one already open. */
    @Override
    public <T> T atomically(Supplier<T> work) {
        return calls.atomically(work);
    }

    /** Saves the call; true when this save is the one that ended it (its record was open until now). */
    public boolean saveEnding(CallRecord call) {
        return calls.saveEnding(call);
    }

    @Override
    public void recordRefusal(long campaignId, long customerId, String number, Instant at, DialVerdict.Refused refusal) {
        calls.recordRefusal(campaignId, customerId, number, at, refusal);
    }

    @Override
    public int openCalls(long businessId) {
        return calls.openCalls(businessId);
    }

    @Override
    public Optional<CallRecord> openCallOf(long campaignId, long customerId) {
        return calls.openCallOf(campaignId, customerId);
    }

    /** The call by its name, as it stands now: the engine's word while it runs it here, else its record. */
    public Optional<CallRecord> find(long businessId, String callId) {
        return calls.find(businessId, callId).map(recorded -> now.current(recorded, () -> calls.find(businessId, callId)));
    }

    /** The campaign's latest calls as they stand now, newest first, as many as a list shows; only the agent's when given. */
    public List<CallRecord> ofCampaign(long businessId, long campaignId, Long agentId) {
        return ofCampaign(businessId, campaignId, false, agentId);
    }

    /**
     * The campaign's latest calls as they stand now, newest first, as many as a list shows: only those
     * still open when {@code openOnly} (an open record the engine has ended since drops out), only the
     * agent's when given.
     */
    List<CallRecord> ofCampaign(long businessId, long campaignId, boolean openOnly, Long agentId) {
        return now.listed(businessId, campaignId,
                calls.ofCampaign(businessId, campaignId, openOnly, agentId, CallRecords.LIST_LIMIT),
                call -> (!openOnly || call.endedAt().isEmpty()) && CallRecords.isAgents(call, agentId),
                CallRecords.LIST_LIMIT, ids -> calls.findAll(businessId, ids));
    }

    /** Who took the customer's last call in the campaign: the agent who may redial it at once (manual). */
    public Optional<Long> lastAgentOf(long campaignId, long customerId) {
        return calls.lastAgentOf(campaignId, customerId);
    }

    /** The campaign's last {@code limit} ended calls, newest first. */
    public List<CallRecord> recentlyEnded(long businessId, long campaignId, int limit) {
        return calls.recentlyEnded(businessId, campaignId, limit);
    }

    /** The ticket the call created (SPEC §4.4 "…, ticket"). */
    public void attachTicket(String callId, long ticketId) {
        calls.attachTicket(callId, ticketId);
    }
}
