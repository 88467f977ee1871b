package dev.outdial.dialing;

import dev.outdial.call.CallActivities;
import dev.outdial.call.CallActivity.Kind;
import dev.outdial.call.DialingCalls;
import dev.outdial.dialing.internal.EngineThread;
import dev.outdial.dialing.internal.LiveDialers;
import dev.outdial.dialing.internal.LiveSwitchboards;
import dev.outdial.dialing.internal.LiveTelephony;
import dev.outdial.dialing.internal.PhoneActionLog;
import dev.outdial.dialing.internal.SipAdapter;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.port.CallEvent;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.CallRecord;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.CurrentUser;
import dev.outdial.shared.InvalidInputException;
import dev.outdial.shared.NotFoundException;
import dev.outdial.sip.ListeningChange;
import dev.outdial.sip.ListeningMode;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Listening in with real calls: an admin or supervisor listens in on a call that is up, a campaign's or a queue's, on
 * their own registered phone, which Outdial rings; once they answer they hear both sides until the call ends (their
 * phone is hung up with it) or they hang up. Nobody on the call hears them, or, coaching, only its agent does, or,
 * barged in, both sides do; their phone's keys 1, 2 and 3 move between the three. Each listening is logged with who
 * listened to which call, and how.
 */
@Service
public class ListeningIn {

    private static final Logger LOG = LoggerFactory.getLogger(ListeningIn.class);
    /** How long the listener's phone rings before the listening is given up. */
    static final Duration RING = Duration.ofSeconds(30);

    private final LiveTelephony telephony;
    private final LiveDialers dialers;
    private final DialingCalls calls;
    private final LiveSwitchboards switchboards;
    private final EngineThread engine;
    private final CallActivities activities;
    private final PhoneActionLog phoneActions;

    ListeningIn(LiveTelephony telephony, LiveDialers dialers, DialingCalls calls, LiveSwitchboards switchboards,
                EngineThread engine, CallActivities activities, PhoneActionLog phoneActions) {
        this.activities = activities;
        this.phoneActions = phoneActions;
        this.telephony = telephony;
        this.dialers = dialers;
        this.calls = calls;
        this.switchboards = switchboards;
        this.engine = engine;
    }

    /** What a request asks for: {@code mode}, or coaching by the older {@code coach=true}; 400 where they disagree. */
    public static ListeningMode modeAsked(ListeningMode mode, boolean coach) {
        if (coach && mode != null && mode != ListeningMode.COACH) {
            throw new InvalidInputException("coach", "dialing.listen.coach-and-mode", mode);
        }
        return mode != null ? mode : coach ? ListeningMode.COACH : ListeningMode.LISTEN;
    }

    /**
     * The leg of the listener's phone, and whether it was rung now (or listened in already and changed mode, or moved).
     *
     * @param movedFrom the call they listened in on before and left for this one; null where they did not move
     */
    public record Listening(String leg, boolean rung, String movedFrom) {
    }

    /**
     * Rings {@code me}'s phone to listen in on the call, heard by whom {@code mode} says; where they listen in on it
     * already, only who hears them changes (as their phone's keys would), and where they listen in on another call
     * they move to this one; either way their phone is not rung again. 409 with
     * the simulated carrier, where another node handles the business's calls, where the call has ended, or where
     * {@code me} has no phone registered; 404 where the business has no such call.
     */
    public Listening listen(CurrentUser me, String callId, ListeningMode mode) {
        SipAdapter sip = telephony.sipAdapter()
                .orElseThrow(() -> new ConflictException("dialing.listen.needs-real-calls"));
        dialers.requirePacedHere(me.businessId());
        CallId call = new CallId(callId);
        Optional<CallRecord> campaignCall = calls.find(me.businessId(), callId);
        boolean up = campaignCall.isPresent() ? campaignCall.get().endedAt().isEmpty()
                : engine.call(me.businessId(), () -> switchboards.of(me.businessId()).openCalls().stream()
                        .anyMatch(queued -> queued.id().equals(call)));
        if (campaignCall.isEmpty() && !up) {
            throw new NotFoundException("call", callId);
        }
        if (!up) {
            throw new ConflictException("dialing.listen.ended", callId);
        }
        AgentId ear = AgentWork.agentOf(me);
        Optional<ListeningChange> listening = sip.changeListening(call, ear, mode);
        if (listening.isPresent()) {
            Optional<String> left = listening.get().left().map(CallId::value);
            LOG.info("User {} listening in{} on call {} now does so to {}", me.id(),
                    left.map(before -> " on call " + before + ", moved").orElse(""), callId, mode);
            if (left.isPresent()) {
                activities.log(me.businessId(), left.get(), Kind.LISTENING_ENDED, me.id(), null);
            }
            activities.log(me.businessId(), callId, left.isPresent() ? Kind.LISTENING_STARTED
                    : Kind.LISTENING_CHANGED, me.id(), mode.name());
            return new Listening(listening.get().ear().value(), false, left.orElse(null));
        }
        if (!sip.registrations().isRegistered(ear)) {
            throw new ConflictException("dialing.listen.no-phone");
        }
        CallId leg = sip.listenIn(call, ear, mode, RING, event -> {
            if (event instanceof CallEvent.Answered) {
                phoneActions.listeningStarted(me.businessId(), callId, me.id(), mode);
            } else if (event instanceof CallEvent.Failed failed) {
                LOG.info("User {} did not listen in on call {}: {}", me.id(), callId, failed.reason());
            }
        });
        LOG.info("User {} listens in on call {} to {} (their phone rings on leg {})", me.id(), callId, mode,
                leg.value());
        return new Listening(leg.value(), true, null);
    }
}
