package dev.outdial.sip.signal;

import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.port.CallEvent;
import dev.outdial.engine.port.CallEvent.HungUp.Cause;
import dev.outdial.engine.port.CallId;
import dev.outdial.sip.IncomingCall;
import dev.outdial.sip.media.MediaLeg;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call the trunk brought in, from its INVITE to the BYE: offered to the application until it is accepted (answered
 * at once with our SDP) or refused; then a leg like the ones Outdial dials, which plays, bridges and hangs up, and tells
 * the engine each key the caller presses. A caller who gives up before the answer (CANCEL) is told 487, and an accept
 * that comes after it reports the leg failed.
 *
 * <p>Thread-safe: the stack's thread, the application's and the engine's call in; every change of state happens under
 * the leg's lock, and events are queued to the {@link EventSink} under it, so they keep their order.
 */
public final class InboundLeg implements DialogLeg, IncomingCall {

    private static final Logger LOG = LoggerFactory.getLogger(InboundLeg.class);

    private enum State { OFFERED, ANSWERED, ENDED }

    private final CallId id = CallIds.next("inbound");
    private final LegContext context;
    private final Request invite;
    private final ServerTransaction transaction;
    private final Dialog dialog;
    private final MediaLeg media;
    private final Optional<Sdp.RemoteMedia> offered;
    private final DialogMedia dialogMedia;
    private final LegAudio audio;
    /** Refreshes the session where the caller asked Outdial to ({@code refresher=uas}). */
    private final SessionTimer sessionTimer;
    private final String dialedNumber;
    private final String callerNumber;
    private Consumer<CallEvent> listener = event -> { };
    /** ENDED before an accept when the caller cancelled (or the answer failed): the accept then reports the leg failed. */
    private State state = State.OFFERED;
    /** Whether the caller's side acknowledged our answer (the ACK of the first INVITE, not of a re-INVITE). */
    private boolean answerAcknowledged;

    InboundLeg(LegContext context, Request invite, ServerTransaction transaction, Dialog dialog, MediaLeg media,
               Optional<Sdp.RemoteMedia> offered) {
        this.context = context;
        this.invite = invite;
        this.transaction = transaction;
        this.dialog = dialog;
        this.media = media;
        this.offered = offered;
        this.dialogMedia = new DialogMedia(context, media, context.endpoint().settings().srtp().trunk());
        this.audio = new LegAudio(media, context.prompts(), context.timers(), this::digitsCollected, this::hangUp);
        this.dialedNumber = dialedNumberOf(invite);
        this.callerNumber = invite.getHeader(FromHeader.NAME) instanceof FromHeader from
                ? userOf(from.getAddress().getURI()) : "";
        this.sessionTimer = new SessionTimer(context, this, dialog, dialogMedia, transport(), this::sessionLost,
                toString());
    }

    /**
     * The Request-URI's user; but a trunk Outdial registered with sends its calls to the contact it registered
     * (sip:outdial@…), and then the number dialed is in To.
     */
    private static String dialedNumberOf(Request invite) {
        String target = userOf(invite.getRequestURI());
        if (!target.equals(SipEndpoint.CONTACT_USER) && !target.isEmpty()) {
            return target;
        }
        return invite.getHeader(ToHeader.NAME) instanceof ToHeader to ? userOf(to.getAddress().getURI()) : target;
    }

    /** The user part of a SIP URI, empty when it has none (sip:host); what follows the scheme of any other. */
    private static String userOf(javax.sip.address.URI uri) {
        if (uri instanceof SipURI sip) {
            return sip.getUser() == null ? "" : sip.getUser();
        }
        // tel:+4930… and the like: what follows the scheme, without its parameters.
        String text = uri.toString();
        int colon = text.indexOf(':');
        int parameters = text.indexOf(';');
        return text.substring(colon + 1, parameters > colon ? parameters : text.length());
    }

    @Override
    public CallId id() {
        return id;
    }

    @Override
    public String dialedNumber() {
        return dialedNumber;
    }

    @Override
    public String callerNumber() {
        return callerNumber;
    }

    @Override
    public synchronized String sipCallId() {
        return ((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId();
    }

    @Override
    public synchronized CallId accept(Consumer<CallEvent> listener) {
        this.listener = listener;
        if (state != State.OFFERED) {
            LOG.info("{} was accepted after the caller gave up", this);
            emit(new CallEvent.Failed(id, CallResult.NOANSWER));
            return id;
        }
        String ours = dialogMedia.answer(offered, true);
        Optional<SessionTimer.Agreement> agreement = SessionTimer.Agreement.askedIn(invite);
        try {
            Response ok = context.endpoint().messages().createResponse(Response.OK, invite);
            ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag(Long.toHexString(System.nanoTime()));
            ok.addHeader(context.endpoint().contact(transport()));
            agreement.ifPresent(kept -> kept.keptIn(ok, context.endpoint().headers()));
            dialogMedia.withSdp(ok, ours);
            transaction.sendResponse(ok);
        } catch (Exception e) {
            LOG.warn("The answer to {} was not sent: {}", this, e.toString());
            release();
            emit(new CallEvent.Failed(id, CallResult.NETWORK_ERROR));
            return id;
        }
        state = State.ANSWERED;
        sessionTimer.follow(agreement);
        media.onKey(this::keyPressed);
        return id;
    }

    @Override
    public synchronized void refuse(Refusal why) {
        if (state != State.OFFERED) {
            return;
        }
        context.endpoint().respond(transaction, why.status());
        release();
    }

    /** The caller gave up ringing: 200 to the CANCEL, 487 to the INVITE, unless we answered first (then a BYE follows). */
    @Override
    public synchronized void onCancel(RequestEvent event) {
        context.endpoint().respond(event, Response.OK);
        if (state == State.OFFERED) {
            context.endpoint().respond(transaction, Response.REQUEST_TERMINATED);
            release();
        }
    }

    @Override
    public synchronized void onBye(RequestEvent event) {
        context.endpoint().respond(event, Response.OK);
        if (state == State.ANSWERED) {
            release();
            emit(new CallEvent.HungUp(id, Q850.endOf(event.getRequest())));
        }
    }

    /**
     * The caller's side never acknowledged the answer: nobody hears the call, so it ends as if they had hung up. A
     * re-INVITE's lost ACK leaves the call as it was.
     */
    @Override
    public synchronized void onAckNeverCame() {
        if (state == State.ANSWERED && !answerAcknowledged) {
            LOG.info("{} never acknowledged the answer: hung up", this);
            endWithBye(Cause.LINE_LOST);
        }
    }

    @Override
    public synchronized void onOffer(RequestEvent event) {
        if (sameCSeq(event.getRequest(), invite)) {
            return; // the first INVITE again: its transaction answers it
        }
        if (state == State.ANSWERED) {
            dialogMedia.onOffer(event, transport(), sessionTimer::follow);
        } else {
            context.endpoint().respond(event, Response.REQUEST_PENDING);
        }
    }

    private static boolean sameCSeq(Request one, Request other) {
        return one.getHeader(CSeqHeader.NAME) instanceof CSeqHeader a && other.getHeader(CSeqHeader.NAME) instanceof CSeqHeader b
                && a.getSeqNumber() == b.getSeqNumber();
    }

    @Override
    public synchronized void onAck(RequestEvent event) {
        answerAcknowledged |= sameCSeq(event.getRequest(), invite);
        dialogMedia.onAck(event);
    }

    @Override
    public synchronized Optional<MediaLeg> media() {
        return state == State.ANSWERED ? Optional.of(media) : Optional.empty();
    }

    @Override
    public synchronized Optional<LegAudio> audio() {
        return state == State.ANSWERED ? Optional.of(audio) : Optional.empty();
    }

    @Override
    public synchronized void hangUp() {
        switch (state) {
            case ANSWERED -> endWithBye(Cause.PLATFORM);
            case OFFERED -> refuse(Refusal.UNAVAILABLE);
            case ENDED -> { }
        }
    }

    @Override
    public synchronized void hangUpIfSilent(Duration limit) {
        if (state == State.ANSWERED && media.farEndSilentLongerThan(limit)) {
            LOG.info("{} sent no audio for over {} s: the network lost the call, which ends", this, limit.toSeconds());
            endWithBye(Cause.LINE_LOST);
        }
    }

    /**
     * The session timer found the caller's side gone (it did not take a refresh, or made none): the call ends as if
     * they had hung up.
     */
    private synchronized void sessionLost() {
        if (state == State.ANSWERED) {
            endWithBye(Cause.LINE_LOST);
        }
    }

    private synchronized void keyPressed(char key) {
        if (state == State.ANSWERED) {
            emit(new CallEvent.DigitsCollected(id, String.valueOf(key)));
        }
    }

    /** The end of a collection, which took the caller's keys while it lasted: each is reported on its own again. */
    private synchronized void digitsCollected(String digits) {
        if (state == State.ANSWERED) {
            emit(new CallEvent.DigitsCollected(id, digits));
            media.onKey(this::keyPressed);
        }
    }

    /** Ends the answered call with a BYE: the caller's side is gone (LINE_LOST), or hung up on (PLATFORM). */
    private void endWithBye(Cause cause) {
        context.sendBye(dialog, this);
        release();
        emit(new CallEvent.HungUp(id, cause));
    }

    /** Frees the media and forgets the leg before its terminal event goes out; nothing is told after it. */
    private void release() {
        if (state == State.ENDED) {
            return;
        }
        boolean answered = state == State.ANSWERED;
        state = State.ENDED;
        sessionTimer.stop();
        audio.stop();
        media.close();
        context.forget(this);
        if (answered) {
            context.customerLegEnded(id, media.stats());
        }
    }

    private void emit(CallEvent event) {
        context.events().emit(listener, event);
    }

    /** How the INVITE came (its Via), so our Contact asks for the same. */
    private String transport() {
        return invite.getHeader(ViaHeader.NAME) instanceof ViaHeader via
                ? via.getTransport().toLowerCase(Locale.ROOT) : "udp";
    }

    @Override
    public String toString() {
        return "incoming call from " + callerNumber + " to " + dialedNumber + " " + id.value();
    }
}
