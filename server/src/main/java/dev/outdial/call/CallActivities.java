package dev.outdial.call;

import dev.outdial.agent.UserAccounts;
import dev.outdial.call.internal.CallActivityRepository.CampaignCall;
import dev.outdial.call.internal.CallActivityRepository;
import dev.outdial.call.internal.CallQualityRepository;
import dev.outdial.call.internal.CallTrunkAnswerRepository;
import dev.outdial.campaign.settings.TrunkHealth;
import dev.outdial.engine.port.CallRecord;
import dev.outdial.inbound.InboundCalls;
import dev.outdial.shared.CurrentUser;
import dev.outdial.shared.NotFoundException;
import dev.outdial.shared.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What was done on calls while they were up ({@link CallActivity}), a campaign's calls and queue calls alike: logged by
 * the dialing module as its agents and supervisors act, read by call. Admins and supervisors see every call of their
 * business; an agent sees their own calls only, and not who listened in on them.
 */
@Service
public class CallActivities {

    private final CallActivityRepository activity;
    private final CallQualityRepository qualities;
    private final CallTrunkAnswerRepository trunkAnswers;
    private final DialingCalls calls;
    private final InboundCalls queueCalls;
    private final UserAccounts users;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CallActivities(CallActivityRepository activity, CallQualityRepository qualities,
                   CallTrunkAnswerRepository trunkAnswers, DialingCalls calls, InboundCalls queueCalls,
                   UserAccounts users, Clock clock, ApplicationEventPublisher events) {
        this.activity = activity;
        this.qualities = qualities;
        this.trunkAnswers = trunkAnswers;
        this.calls = calls;
        this.queueCalls = queueCalls;
        this.users = users;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Logs that user {@code userId} did {@code kind} on the business's call {@code callId} now; {@code mode}: how a
     * supervisor listens, null for the other kinds.
     */
    @Transactional
    public void log(long businessId, String callId, CallActivity.Kind kind, long userId, String mode) {
        log(businessId, callId, kind, userId, mode, clock.instant());
    }

    /** Logs the same, done at {@code at}: told by the telephony, kept a moment later. */
    @Transactional
    public void log(long businessId, String callId, CallActivity.Kind kind, long userId, String mode, Instant at) {
        activity.insert(businessId, callId, at, kind, userId, mode, false);
    }

    /**
     * Logs that the phone of the agent on {@code call} put its customer on hold with its own Hold button
     * ({@code held}) or took them off, at {@code at}.
     */
    @Transactional
    public void logPhoneHold(UpCall call, boolean held, Instant at) {
        activity.insert(call.businessId(), call.id(), at, held ? CallActivity.Kind.HOLD : CallActivity.Kind.UNHOLD,
                call.agentId(), null, true);
    }

    /**
     * Logs that the customer's own phone on {@code call} held it ({@code holds}) or took it off hold, at {@code at};
     * the step's user is the agent they were talking to.
     */
    @Transactional
    public void logCustomersPhoneHold(UpCall call, boolean holds, Instant at) {
        CallActivity.Kind kind = holds ? CallActivity.Kind.CUSTOMER_HOLD : CallActivity.Kind.CUSTOMER_UNHOLD;
        activity.insert(call.businessId(), call.id(), at, kind, call.agentId(), null, false);
    }

    /**
     * Logs a step of user {@code userId}'s listening in on the call {@code callId}, a campaign's or a queue call, told by
     * their phone (its keys changed how, it hung up) at {@code at}.
     */
    @Transactional
    public void logListening(String callId, CallActivity.Kind kind, long userId, String mode, Instant at) {
        activity.campaignCall(callId).map(CampaignCall::businessId).or(() -> queueCalls.businessOf(callId))
                .ifPresent(business -> activity.insert(business, callId, at, kind, userId, mode, false));
    }

    /**
     * A call up with an agent on it: a campaign's call ({@code campaignId}) or a queue call ({@code campaignId}
     * null).
     */
    public record UpCall(String id, long businessId, long agentId, Long campaignId) {
    }

    /**
     * Keeps what the carrier's trunks answered the INVITEs of the campaign's call {@code callId}; false where no
     * business has such a call.
     */
    @Transactional
    public boolean keepTrunkAnswers(String callId, List<CallActivity.TrunkAnswer> answers) {
        Optional<Long> business = activity.campaignCall(callId).map(CampaignCall::businessId);
        business.ifPresent(owner -> trunkAnswers.keep(owner, callId, answers, clock.instant()));
        return business.isPresent();
    }

    /** What the carrier's trunks answered each of the business's calls {@code shown} that they answered, by call. */
    @Transactional(readOnly = true)
    public Map<String, List<CallActivity.TrunkAnswer>> trunkAnswers(long businessId, List<CallView> shown) {
        return trunkAnswers.of(businessId, shown.stream().map(CallView::id).toList());
    }

    /** What the carrier's trunks answered the business's calls kept since {@code since}: by trunk and status. */
    @Transactional(readOnly = true)
    public List<TrunkHealth.AnswerCount> trunkAnswersSince(long businessId, Instant since) {
        return trunkAnswers.countsSince(businessId, since);
    }

    /**
     * Keeps how the audio of the call {@code callId}, a campaign's or a queue call, reached Outdial, and tells of it
     * ({@link CallQualityMeasured}: the {@code call.quality_measured} webhook); false where no business has such a
     * call.
     */
    @Transactional
    public boolean keepQuality(String callId, CallActivity.Quality quality) {
        Optional<CallQualityMeasured> measured = activity.campaignCall(callId)
                .map(call -> new CallQualityMeasured(call.businessId(), call.campaignId(), null, callId, quality))
                .or(() -> queueCalls.businessOf(callId).flatMap(business -> queueCalls.find(business, callId)
                        .map(call -> new CallQualityMeasured(business, null, call.queueId(), callId, quality))));
        measured.ifPresent(call -> {
            qualities.keep(call.businessId(), callId, quality);
            events.publishEvent(call);
        });
        return measured.isPresent();
    }

    /**
     * The call {@code callId}, a campaign's or a queue call, where it is up with an agent on it; empty otherwise (an
     * agent's line held between calls is on no call).
     */
    @Transactional(readOnly = true)
    public Optional<UpCall> upWithAgent(String callId) {
        Optional<Long> campaigns = activity.campaignCall(callId).map(CampaignCall::businessId);
        if (campaigns.isPresent()) {
            long business = campaigns.get();
            return calls.find(business, callId).filter(CallRecord::isOpen).flatMap(call -> call.agent()
                    .map(agent -> new UpCall(callId, business, Long.parseLong(agent.value()), call.campaignId())));
        }
        return queueCalls.businessOf(callId).flatMap(business -> queueCalls.find(business, callId)
                .filter(call -> call.endedAt() == null && call.agentId() != null)
                .map(call -> new UpCall(callId, business, call.agentId(), null)));
    }

    /**
     * What was done on the call {@code callId}, as {@code me} may see it, a hold still on counted to now; 404 where the
     * business has no such call, or where {@code me} is an agent and the call is not theirs.
     */
    @Transactional(readOnly = true)
    public CallActivity of(CurrentUser me, String callId) {
        return find(me, callId).orElseThrow(() -> new NotFoundException("call", callId));
    }

    /** What was done on the call {@code callId}, as {@code me} may see it; empty where {@code of} answers 404. */
    @Transactional(readOnly = true)
    public Optional<CallActivity> find(CurrentUser me, String callId) {
        Long onlyAgent = me.is(Role.AGENT) ? me.id() : null;
        return endSeenBy(me.businessId(), callId, onlyAgent).map(end -> {
            CallActivity all = ofCalls(me.businessId(), Map.of(callId, end)).get(callId);
            return onlyAgent == null ? all : all.withoutListening();
        });
    }

    /** How long the customer of the business's call {@code callId}, ended at {@code end}, was on hold in all (ms). */
    @Transactional(readOnly = true)
    public long heldMillis(long businessId, String callId, Instant end) {
        return heldMillis(businessId, Map.of(callId, end)).get(callId);
    }

    /** How long the customer of each of the business's calls {@code shown} was on hold in all (ms), by call. */
    @Transactional(readOnly = true)
    public Map<String, Long> heldMillis(long businessId, List<CallView> shown) {
        return heldMillis(businessId, endsOf(shown));
    }

    private Map<String, Long> heldMillis(long businessId, Map<String, Instant> ends) {
        // the steps alone: who did them is not asked for
        Map<String, List<CallActivityRepository.Row>> rows = activity.ofCalls(businessId, ends.keySet());
        return ends.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, call -> CallActivity.of(
                call.getKey(), steps(rows.getOrDefault(call.getKey(), List.of()), Map.of()), call.getValue())
                .heldMillis()));
    }

    /** How each of the business's calls {@code shown} that was measured had its line, by call. */
    @Transactional(readOnly = true)
    public Map<String, CallActivity.Quality> qualities(long businessId, List<CallView> shown) {
        return qualities.of(businessId, shown.stream().map(CallView::id).toList());
    }

    /**
     * What was done on each of the business's calls {@code shown}, by call, for a page that lists them to its admins
     * and supervisors; a hold still on counted to now.
     */
    @Transactional(readOnly = true)
    public Map<String, CallActivity> ofCalls(long businessId, List<CallView> shown) {
        return ofCalls(businessId, endsOf(shown));
    }

    /** When each call ended, or now for a call still up: where its hold still on is counted to. */
    private Map<String, Instant> endsOf(List<CallView> shown) {
        Instant now = clock.instant();
        return shown.stream().collect(Collectors.toMap(CallView::id,
                call -> call.endedAt() != null ? call.endedAt() : now, (same, again) -> same));
    }

    /**
     * What was done on each call, by call, a hold still on counted to the call's end ({@code ends}); with its line's
     * quality where it was measured.
     */
    private Map<String, CallActivity> ofCalls(long businessId, Map<String, Instant> ends) {
        Map<String, List<CallActivityRepository.Row>> rows = activity.ofCalls(businessId, ends.keySet());
        Set<Long> who = rows.values().stream().flatMap(List::stream).map(CallActivityRepository.Row::userId)
                .collect(Collectors.toSet());
        Map<Long, String> names = who.isEmpty() ? Map.of() : users.namesOf(businessId, who);
        Map<String, CallActivity.Quality> measured = qualities.of(businessId, ends.keySet());
        Map<String, List<CallActivity.TrunkAnswer>> answered = trunkAnswers.of(businessId, ends.keySet());
        return ends.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, call -> CallActivity.of(
                call.getKey(), steps(rows.getOrDefault(call.getKey(), List.of()), names), call.getValue())
                .with(Optional.ofNullable(measured.get(call.getKey())),
                        answered.getOrDefault(call.getKey(), List.of()))));
    }

    /** The rows as steps, each with its user's name where {@code names} has it. */
    private static List<CallActivity.Step> steps(List<CallActivityRepository.Row> rows, Map<Long, String> names) {
        return rows.stream().map(row -> new CallActivity.Step(row.at(), row.kind(), row.userId(),
                names.get(row.userId()), row.mode(), row.byPhone())).toList();
    }

    /** When the call ended, or now while it is up; empty where it is not the business's, or not the agent's. */
    private Optional<Instant> endSeenBy(long businessId, String callId, Long onlyAgent) {
        Optional<CallRecord> campaignCall = calls.find(businessId, callId);
        if (campaignCall.isPresent()) {
            return campaignCall.filter(call -> CallRecords.isAgents(call, onlyAgent))
                    .map(call -> call.endedAt().orElseGet(clock::instant));
        }
        return queueCalls.find(businessId, callId)
                .filter(call -> onlyAgent == null || onlyAgent.equals(call.agentId()))
                .map(call -> call.endedAt() != null ? call.endedAt() : clock.instant());
    }
}
