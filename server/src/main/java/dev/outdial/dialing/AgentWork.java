package dev.outdial.dialing;

import dev.outdial.call.CallActivities;
import dev.outdial.call.CallActivity.Kind;
import dev.outdial.call.CallView;
import dev.outdial.call.DialingCalls;
import dev.outdial.call.DispositionRequest;
import dev.outdial.call.Dispositions;
import dev.outdial.campaign.AgentAssignments;
import dev.outdial.campaign.Campaign;
import dev.outdial.campaign.CampaignStatus;
import dev.outdial.customer.CampaignCustomer;
import dev.outdial.customer.CampaignCustomers;
import dev.outdial.dialing.internal.AgentPhones;
import dev.outdial.dialing.internal.AgentSessions;
import dev.outdial.dialing.internal.EngineThread;
import dev.outdial.dialing.internal.LiveDialers;
import dev.outdial.dialing.internal.LiveSwitchboards;
import dev.outdial.dialing.internal.PhoneLines;
import dev.outdial.engine.call.DialOutcome;
import dev.outdial.engine.call.DispositionOutcome;
import dev.outdial.engine.call.HoldState;
import dev.outdial.engine.call.RecordingState;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.DialType;
import dev.outdial.engine.inbound.Switchboard;
import dev.outdial.engine.pacing.CampaignRunner;
import dev.outdial.engine.pacing.NextCustomer;
import dev.outdial.engine.port.CallDisposition;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.CallRecord;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.CurrentUser;
import dev.outdial.shared.NotFoundException;
import dev.outdial.shared.Role;
import dev.outdial.sip.AgentLines;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Service;

/**
 * What an agent does in their campaigns (SPEC §5, issue 5's agent API): set their state, open and
 * close a campaign's execution screen, get a customer (manual), dial, answer their ringing phone,
 * hang up, give their word on a reached call, end wrap-up. Each reaches the engine on its thread
 * and turns the engine's answer into the API's: the customer, the call, or a 409 with the reason.
 */
@Service
public class AgentWork {

    private static final Logger LOG = LoggerFactory.getLogger(AgentWork.class);

    /** A campaign on the agent's list, and whether its execution screen is open. */
    public record MyCampaign(long id, String name, @Schema(implementation = DialType.class) String dialMode,
                             @Schema(implementation = CampaignStatus.class) String status, boolean open) {
    }

    /** The dial modes whose answered customers an agent takes at once, on their phone's line in sip mode. */
    private static final Set<String> AGENT_SERVED = Stream.of(DialType.MANUAL, DialType.PREVIEW, DialType.PROGRESSIVE,
            DialType.PREDICTIVE).map(DialType::name).collect(Collectors.toUnmodifiableSet());

    private final EngineThread engine;
    private final LiveDialers dialers;
    private final AgentSessions sessions;
    private final AgentPhones phones;
    private final AgentAssignments assignments;
    private final CampaignCustomers customers;
    private final DialingCalls calls;
    private final Dispositions dispositions;
    private final PhoneLines lines;
    private final LiveSwitchboards switchboards;
    private final CallActivities activities;

    AgentWork(EngineThread engine, LiveDialers dialers, AgentSessions sessions, AgentPhones phones,
              AgentAssignments assignments, CampaignCustomers customers, DialingCalls calls,
              Dispositions dispositions, PhoneLines lines, LiveSwitchboards switchboards, CallActivities activities) {
        this.activities = activities;
        this.engine = engine;
        this.dialers = dialers;
        this.sessions = sessions;
        this.phones = phones;
        this.assignments = assignments;
        this.customers = customers;
        this.calls = calls;
        this.dispositions = dispositions;
        this.lines = lines;
        this.switchboards = switchboards;
    }

    /**
     * Available or Not available: only an available agent with a campaign open is given work. With
     * real calls (sip mode) only an agent whose phone is registered can be Available: 409 PHONE_NOT_REGISTERED.
     */
    public void setAvailable(CurrentUser me, boolean available) {
        requirePacedHere(me);
        if (available) {
            lines.requireRegistered(agentOf(me));
        }
        sessions.setAvailable(agentOf(me), available);
        presenceChanged(me);
    }

    /** Signing out with real calls leaves work: Not available, and the agent's phone line released. */
    @EventListener
    void signedOut(LogoutSuccessEvent signedOut) {
        if (lines.hasPhones() && signedOut.getAuthentication().getPrincipal() instanceof CurrentUser me
                && me.role() == Role.AGENT && dialers.pacedElsewhere(me.businessId()).isEmpty()) {
            sessions.setAvailable(agentOf(me), false);
            presenceChanged(me);
        }
    }

    public List<MyCampaign> campaigns(CurrentUser me) {
        AgentId agent = agentOf(me);
        return assignments.campaignsOf(me.businessId(), me.id()).stream()
                .map(campaign -> new MyCampaign(campaign.id(), campaign.name(), campaign.dialMode().name(),
                        campaign.status().name(), sessions.hasOpen(agent, campaign.id())))
                .toList();
    }

    /** "Agents may open the campaign" whatever its state; nothing is dialed until it runs and its hours open. */
    public void open(CurrentUser me, long campaignId) {
        requirePacedHere(me);
        assignments.campaignOf(me.businessId(), me.id(), campaignId);
        sessions.open(agentOf(me), campaignId);
        presenceChanged(me);
    }

    /** "Closing it stops new work from that campaign": a customer offered and not yet dialed goes back. */
    public void close(CurrentUser me, long campaignId) {
        requirePacedHere(me);
        assignments.campaignOf(me.businessId(), me.id(), campaignId);
        sessions.close(agentOf(me), campaignId);
        presenceChanged(me);
    }

    /** Manual "Get customer": the next eligible customer, or 409 with the reason there is none. */
    public CampaignCustomer next(CurrentUser me, long campaignId) {
        requirePacedHere(me);
        assignments.campaignOf(me.businessId(), me.id(), campaignId);
        AgentId agent = agentOf(me);
        NextCustomer next = engine.call(me.businessId(), () -> runnerFor(agent, campaignId).next(agent));
        return switch (next) {
            case NextCustomer.Handed handed -> customers.get(me.businessId(), campaignId, handed.customer().customerId());
            case NextCustomer.Refused refused -> throw new ConflictException("dialing.next.refused",
                    new Object[] {refused.detail()}, Map.of("reason", refused.reason().name()));
        };
    }

    /** Preview: the agent skips the customer shown; it goes back and is not offered to them again. */
    public void skip(CurrentUser me, long campaignId) {
        requirePacedHere(me);
        assignments.campaignOf(me.businessId(), me.id(), campaignId);
        AgentId agent = agentOf(me);
        if (!engine.call(me.businessId(), () -> runnerFor(agent, campaignId).skip(agent))) {
            throw new ConflictException("dialing.skip.nothing-offered", campaignId);
        }
    }

    public boolean isAvailable(CurrentUser me) {
        return sessions.isAvailable(agentOf(me));
    }

    /**
     * Click to call: the customer the agent holds, or (manual) the one they called last, redialed
     * "at once while attempts remain". An agent never dials a customer not distributed to them.
     */
    public CallView dial(CurrentUser me, long customerId) {
        requirePacedHere(me);
        CampaignCustomer customer = customers.get(me.businessId(), customerId);
        long campaignId = customer.campaignId();
        assignments.campaignOf(me.businessId(), me.id(), campaignId);
        AgentId agent = agentOf(me);
        requireLineUp(agent);
        boolean calledItLast = calls.lastAgentOf(campaignId, customerId).filter(last -> last == me.id()).isPresent();
        DialOutcome outcome = engine.call(me.businessId(), () -> {
            CampaignRunner runner = runnerFor(agent, campaignId);
            if (!dialers.holds(me.businessId(), agent, campaignId, customerId) && !calledItLast) {
                throw new ConflictException("dialing.dial.not-yours", customerId);
            }
            return runner.dial(agent, customerId);
        });
        return switch (outcome) {
            case DialOutcome.Placed placed -> CallView.of(calls.find(me.businessId(), placed.call().value()).orElseThrow());
            case DialOutcome.Refused refused -> throw new ConflictException("dialing.dial.refused",
                    new Object[] {refused.verdict().detail()}, Map.of("reason", refused.verdict().reason().name()));
            case DialOutcome.NotPlaced notPlaced -> throw new ConflictException("dialing.dial.refused",
                    new Object[] {notPlaced.reason()}, Map.of("reason", "NOT_PLACED"));
        };
    }

    /** The agent picks up their ringing phone to take the customer of {@code callId} (progressive). */
    public void answer(CurrentUser me, String callId) {
        requirePacedHere(me);
        CallRecord call = ownCall(me, callId);
        if (call.endedAt().isPresent()) {
            String result = call.result().map(Enum::name).orElse("");
            throw new ConflictException("dialing.answer.call-ended", new Object[] {callId, result},
                    Map.of("reason", "CALL_ENDED", "result", result));
        }
        requireAnswerOnThePage();
        if (engine.call(me.businessId(), () -> phones.answer(agentOf(me))).isEmpty()) {
            throw new ConflictException("dialing.answer.nothing-ringing", new Object[] {callId},
                    Map.of("reason", "NOT_RINGING"));
        }
    }

    /** Whether the agent's own phone rings for a call now (progressive, before they answer). */
    public boolean isRinging(CurrentUser me) {
        return engine.call(me.businessId(), () -> phones.isRinging(agentOf(me)));
    }

    /**
     * The agent picks up whatever rings on their phone: a queue call, or an auto callback, which
     * dials the customer once the agent is on the line.
     */
    public void answerPhone(CurrentUser me) {
        requireAnswerOnThePage();
        if (engine.call(me.businessId(), () -> phones.answer(agentOf(me))).isEmpty()) {
            throw new ConflictException("dialing.phone.nothing-ringing");
        }
    }

    /**
     * The agent hangs up the leg they answered last (a queue call, an auto callback); 409 when there is none. With real
     * calls, where they answered on their own phone, the page hangs up the queue call they talk on.
     */
    public void hangUpPhone(CurrentUser me) {
        AgentId agent = agentOf(me);
        if (!engine.call(me.businessId(), () -> phones.answersOnThePage()
                ? phones.hangUp(agent) : switchboards.of(me.businessId()).hangUpCallOf(agent))) {
            throw new ConflictException("dialing.phone.nothing-answered");
        }
    }

    /** Hangs up the agent's call; hanging up a call that has ended is harmless. */
    public void hangUp(CurrentUser me, String callId) {
        requirePacedHere(me);
        CallRecord call = ownCall(me, callId);
        CallId id = new CallId(callId);
        engine.run(me.businessId(), () -> dialers.runnerOfCall(call.campaignId(), id).ifPresent(runner -> runner.hangUp(id)));
    }

    /**
     * Pauses or resumes the recording of the agent's call in progress (a card number read out, PCI DSS), a campaign's
     * call or the queue call they talk on: 409 where the call is not being recorded (its campaign or queue does not
     * record, or it is not answered or has ended); 404 where it is neither.
     */
    public void pauseRecording(CurrentUser me, String callId, boolean paused) {
        AgentId agent = agentOf(me);
        boolean recorded = onTheirCall(me, callId, (runner, id) -> runner.pauseRecording(id, paused),
                (board, id) -> board.pauseRecording(agent, id, paused));
        if (!recorded) {
            throw new ConflictException("dialing.recording.none", callId);
        }
        activities.log(me.businessId(), callId, paused ? Kind.RECORDING_PAUSED : Kind.RECORDING_RESUMED, me.id(), null);
        LOG.info("The recording of call {} was {} by agent {}", callId, paused ? "paused" : "resumed", me.id());
    }

    /**
     * Puts the agent's call in progress on hold, or takes it off, a campaign's call or the queue call they talk on: the
     * customer hears the campaign's or queue's waiting music (or a soft tone), the agent silence. 409 where the call is
     * not put through to them now (not answered yet, or ended); 404 where it is neither.
     */
    public void hold(CurrentUser me, String callId, boolean onHold) {
        AgentId agent = agentOf(me);
        boolean held = onTheirCall(me, callId, (runner, id) -> runner.hold(id, onHold),
                (board, id) -> board.hold(agent, id, onHold));
        if (!held) {
            throw new ConflictException("dialing.hold.not-talking", callId);
        }
        activities.log(me.businessId(), callId, onHold ? Kind.HOLD : Kind.UNHOLD, me.id(), null);
        LOG.info("Call {} was {} by agent {}", callId, onHold ? "put on hold" : "taken off hold", me.id());
    }

    /**
     * The agent's phone put {@code call} on hold with its own Hold button, or took it off: the engine keeps it apart
     * from the hold asked through Outdial (which cannot take the phone's off), so the Workspace shows which is on;
     * whether the call is paced here.
     */
    public boolean phoneHolds(CallActivities.UpCall call, boolean held) {
        CallId id = new CallId(call.id());
        boolean known = engine.call(call.businessId(), () -> call.campaignId() == null
                ? switchboards.of(call.businessId()).phoneHolds(id, held)
                : dialers.runnerOfCall(call.campaignId(), id).map(runner -> runner.phoneHolds(id, held)).orElse(false));
        LOG.info("Call {} was {} by agent {}'s phone{}", call.id(), held ? "put on hold" : "taken off hold",
                call.agentId(), known ? "" : " (not paced on this node)");
        return known;
    }

    /**
     * {@code onCampaignCall} where {@code callId} is the agent's campaign call, else {@code onQueueCall} where it is
     * the queue call they talk on (404 where it is neither), on the engine's thread; whether it applied.
     */
    private boolean onTheirCall(CurrentUser me, String callId, BiPredicate<CampaignRunner, CallId> onCampaignCall,
                                BiPredicate<Switchboard, CallId> onQueueCall) {
        requirePacedHere(me);
        CallId id = new CallId(callId);
        Optional<CallRecord> campaignCall = ownCallIfAny(me, callId);
        if (campaignCall.isPresent()) {
            return engine.call(me.businessId(), () -> dialers.runnerOfCall(campaignCall.get().campaignId(), id)
                    .map(runner -> onCampaignCall.test(runner, id)).orElse(false));
        }
        AgentId agent = agentOf(me);
        return engine.call(me.businessId(), () -> {
            Switchboard board = switchboards.of(me.businessId());
            if (!board.talksOn(agent, id)) {
                throw new NotFoundException("call", callId);
            }
            return onQueueCall.test(board, id);
        });
    }

    /** Where the recording of the agent's campaign call stands; empty where it is not being recorded. */
    public Optional<RecordingState> recording(CurrentUser me, CallView call) {
        return readCampaignCall(me, call, CampaignRunner::recording);
    }

    /** Whether the agent's campaign call is on hold, and by what; empty where it is not put through. */
    public Optional<HoldState> hold(CurrentUser me, CallView call) {
        return readCampaignCall(me, call, CampaignRunner::hold);
    }

    /** Where the recording of the queue call the agent talks on stands; empty where it is not being recorded. */
    public Optional<RecordingState> queueCallRecording(CurrentUser me, String callId) {
        AgentId agent = agentOf(me);
        return readQueueCall(me, board -> board.recording(agent, new CallId(callId)));
    }

    /** Whether the queue call the agent talks on is on hold, and by what; empty where they do not talk on it. */
    public Optional<HoldState> queueCallHold(CurrentUser me, String callId) {
        AgentId agent = agentOf(me);
        return readQueueCall(me, board -> board.hold(agent, new CallId(callId)));
    }

    /**
     * What {@code read} tells of the agent's campaign call, shown beside its buttons; empty where the call is paced
     * by another node (which holds its state).
     */
    private <T> Optional<T> readCampaignCall(CurrentUser me, CallView call,
                                             BiFunction<CampaignRunner, CallId, Optional<T>> read) {
        if (dialers.pacedElsewhere(me.businessId()).isPresent()) {
            return Optional.empty();
        }
        CallId id = new CallId(call.id());
        return engine.call(me.businessId(),
                () -> dialers.runnerOfCall(call.campaignId(), id).flatMap(runner -> read.apply(runner, id)));
    }

    /** What {@code read} tells of the business's switchboard; empty where another node handles its calls. */
    private <T> Optional<T> readQueueCall(CurrentUser me, Function<Switchboard, Optional<T>> read) {
        if (dialers.pacedElsewhere(me.businessId()).isPresent()) {
            return Optional.empty();
        }
        return engine.call(me.businessId(), () -> read.apply(switchboards.of(me.businessId())));
    }

    /** The agent's word on their reached call: classification, what next, the script's answers. */
    public CallView dispose(CurrentUser me, String callId, DispositionRequest request) {
        requirePacedHere(me);
        CallRecord call = ownCall(me, callId);
        Campaign campaign = assignments.campaignOf(me.businessId(), me.id(), call.campaignId());
        CallDisposition disposition = dispositions.validate(me.businessId(), campaign, agentOf(me), request);
        CallId id = new CallId(callId);
        DispositionOutcome outcome = engine.call(me.businessId(), () -> dialers.runnerOfCall(call.campaignId(), id)
                .map(runner -> runner.dispose(id, disposition))
                .orElseGet(() -> new DispositionOutcome.Rejected("call " + callId + " is not awaiting a disposition")));
        if (outcome instanceof DispositionOutcome.Rejected rejected) {
            throw new ConflictException("dialing.disposition.refused", rejected.reason());
        }
        return CallView.of(calls.find(me.businessId(), callId).orElseThrow());
    }

    /** "They can end it early." */
    public void endWrapUp(CurrentUser me) {
        requirePacedHere(me);
        engine.run(me.businessId(), () -> dialers.endWrapUp(me.businessId(), agentOf(me)));
    }

    /**
     * What an agent does lives in the memory of the node that paces their business (ARCHITECTURE
     * §7): on another node it would be lost or act on nothing, so it is refused with the node to
     * go to. With one node, or nobody pacing the business yet, every request is served here.
     */
    private void requirePacedHere(CurrentUser me) {
        dialers.requirePacedHere(me.businessId());
    }

    private void presenceChanged(CurrentUser me) {
        AgentId agent = agentOf(me);
        if (lines.hasPhones()) {
            lines.presenceChanged(me.businessId(), agent, sessions.isAvailable(agent) && hasAgentServedCampaignOpen(me));
        }
        engine.run(me.businessId(), () -> dialers.presenceChanged(me.businessId(), agent));
    }

    /**
     * Campaigns whose answered customers an agent takes at once: the agent's phone line is kept up for them (manual,
     * preview, progressive, predictive). Auto callback rings the agent's phone before each call, and autocall's
     * customers talk to its IVR.
     */
    private boolean hasAgentServedCampaignOpen(CurrentUser me) {
        return campaigns(me).stream().anyMatch(campaign -> campaign.open() && AGENT_SERVED.contains(campaign.dialMode()));
    }

    /** Whether agents have phones of their own (sip mode) whose registration the workspace shows. */
    public boolean hasOwnPhone() {
        return lines.hasPhones();
    }

    public boolean isPhoneRegistered(CurrentUser me) {
        return lines.isRegistered(agentOf(me));
    }

    /** The agent's nailed-up line (sip mode; DOWN in sim mode). */
    public AgentLines.LineState phoneLine(CurrentUser me) {
        return lines.lineState(agentOf(me));
    }

    /**
     * In sip mode the customer an agent dials is put through to the agent's nailed-up line: without it up the customer
     * would answer and wait for the agent's phone to ring, so the call is refused with PHONE_LINE_NOT_UP.
     */
    private void requireLineUp(AgentId agent) {
        if (lines.hasPhones() && lines.lineState(agent) != AgentLines.LineState.UP) {
            throw new ConflictException("dialing.dial.no-line", new Object[0], Map.of("reason", "PHONE_LINE_NOT_UP"));
        }
    }

    /** In sip mode agents answer on their own phone: the page's Answer is refused with ANSWER_ON_PHONE. */
    private void requireAnswerOnThePage() {
        if (!phones.answersOnThePage()) {
            throw new ConflictException("dialing.answer.on-your-phone", new Object[0], Map.of("reason", "ANSWER_ON_PHONE"));
        }
    }

    private CampaignRunner runnerFor(AgentId agent, long campaignId) {
        if (!sessions.hasOpen(agent, campaignId)) {
            throw new ConflictException("dialing.campaign.not-open", campaignId);
        }
        Optional<CampaignRunner> runner = dialers.runner(campaignId);
        return runner.orElseThrow(() -> new ConflictException("dialing.campaign.not-running", new Object[] {campaignId},
                Map.of("reason", NextCustomer.Reason.CAMPAIGN_NOT_RUNNING.name())));
    }

    /**
     * The agent's call by its name, as the engine knows it now: its record lags its steps a moment
     * (issue 18), and the agent may act on a call they were just rung for.
     */
    private CallRecord ownCall(CurrentUser me, String callId) {
        return ownCallIfAny(me, callId).orElseThrow(() -> new NotFoundException("call", callId));
    }

    /** The business's campaign call {@code callId}, where it is the agent's. */
    private Optional<CallRecord> ownCallIfAny(CurrentUser me, String callId) {
        return calls.find(me.businessId(), callId).filter(call -> call.agent().filter(agentOf(me)::equals).isPresent());
    }

    static AgentId agentOf(CurrentUser me) {
        return AgentId.of(String.valueOf(me.id()));
    }
}
