package dev.outdial.call;

import dev.outdial.business.Businesses;
import dev.outdial.call.internal.CallRecordRepository;
import dev.outdial.call.internal.OpenCallsNow;
import dev.outdial.campaign.AgentAssignments;
import dev.outdial.campaign.Campaigns;
import dev.outdial.engine.port.CallRecord;
import dev.outdial.shared.CurrentUser;
import dev.outdial.shared.KeysetBatches;
import dev.outdial.shared.NotFoundException;
import dev.outdial.shared.PhoneNumbers;
import dev.outdial.shared.Role;
import dev.outdial.shared.Violations;
import dev.outdial.tabular.Export;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The call records of a business: admins and supervisors see every call of a campaign, an agent
 * only their own ("see only the customers distributed to them and their own history", SPEC §1).
 * An open call shows as the engine knows it now, every step in ({@link OpenCallsNow}).
 */
@Service
public class CallRecords {

    /** A list shows this many calls, newest first; enough for the live view of open calls. */
    static final int LIST_LIMIT = 500;

    private final CallRecordRepository calls;
    private final Campaigns campaigns;
    private final AgentAssignments assignments;
    private final Businesses businesses;
    private final OpenCallsNow now;
    private final DialingCalls dialingCalls;
    private final CallActivities activities;

    CallRecords(CallRecordRepository calls, Campaigns campaigns, AgentAssignments assignments, Businesses businesses,
                OpenCallsNow now, DialingCalls dialingCalls, CallActivities activities) {
        this.activities = activities;
        this.calls = calls;
        this.campaigns = campaigns;
        this.assignments = assignments;
        this.businesses = businesses;
        this.now = now;
        this.dialingCalls = dialingCalls;
    }

    @Transactional(readOnly = true)
    public List<CallView> ofCampaign(CurrentUser me, long campaignId, boolean activeOnly) {
        return dialingCalls.ofCampaign(me.businessId(), campaignId, activeOnly, onlyAgentOf(me, campaignId))
                .stream().map(CallView::of).toList();
    }

    /** Whether the call is the agent's (any call when {@code agentId} is null). */
    static boolean isAgents(CallRecord call, Long agentId) {
        return agentId == null || call.agent().filter(agent -> agent.value().equals(String.valueOf(agentId))).isPresent();
    }

    /**
     * Whose calls of the campaign {@code me} sees: an agent only their own, of a campaign assigned to
     * them; admins and supervisors all (null). A campaign out of reach answers 404.
     */
    private Long onlyAgentOf(CurrentUser me, long campaignId) {
        if (me.is(Role.AGENT)) {
            assignments.campaignOf(me.businessId(), me.id(), campaignId);
            return me.id();
        }
        campaigns.get(me.businessId(), campaignId);
        return null;
    }

    /**
     * The campaign's calls to one number, typed any usual way (read with the business's default
     * country), newest first: a customer's call history from the customers tab. An agent sees their own calls only.
     */
    @Transactional(readOnly = true)
    public List<ExportedCall> toNumber(CurrentUser me, long campaignId, String typedNumber) {
        Long onlyAgent = onlyAgentOf(me, campaignId);
        Violations violations = new Violations();
        String number = PhoneNumbers.toE164(typedNumber, businesses.get(me.businessId()).defaultCountry(), "number",
                violations);
        violations.throwIfAny();
        return calls.toNumber(me.businessId(), campaignId, number, onlyAgent, LIST_LIMIT).stream()
                .map(call -> now.current(me.businessId(), call)).toList();
    }

    /**
     * The campaign's calls for an export, in the order they were dialed, read in keyset batches as
     * they are written: the campaign is checked now, the rows are read when the export's body runs.
     */
    @Transactional(readOnly = true)
    public Export.Rows<CallExportRow> export(long businessId, long campaignId) {
        campaigns.get(businessId, campaignId);
        return each -> KeysetBatches.<CallExportRow>forEach(KeysetBatches.SIZE,
                (last, size) -> withActivity(businessId, calls.exportBatch(businessId, campaignId,
                        last == null ? null : last.call(), size).stream()
                        .map(call -> now.current(businessId, call)).toList()), each);
    }

    /** The batch's calls with their hold times, line quality and trunks' answers: three more queries a batch. */
    private List<CallExportRow> withActivity(long businessId, List<ExportedCall> batch) {
        List<CallView> shown = batch.stream().map(ExportedCall::call).toList();
        Map<String, Long> held = activities.heldMillis(businessId, shown);
        Map<String, CallActivity.Quality> quality = activities.qualities(businessId, shown);
        Map<String, List<CallActivity.TrunkAnswer>> answered = activities.trunkAnswers(businessId, shown);
        return batch.stream().map(call -> CallExportRow.of(call, held.get(call.call().id()),
                quality.get(call.call().id()), answered.getOrDefault(call.call().id(), List.of()))).toList();
    }

    @Transactional(readOnly = true)
    public CallView get(CurrentUser me, String callId) {
        return dialingCalls.find(me.businessId(), callId)
                .filter(call -> isAgents(call, me.is(Role.AGENT) ? me.id() : null))
                .map(CallView::of)
                .orElseThrow(() -> new NotFoundException("call", callId));
    }
}
