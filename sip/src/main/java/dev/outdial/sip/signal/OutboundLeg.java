package dev.outdial.sip.signal;

import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.port.CallEvent;
import dev.outdial.engine.port.CallEvent.HungUp.Cause;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.MachineDetection;
import dev.outdial.sip.SipSettings;
import dev.outdial.sip.TrunkAnswer;
import dev.outdial.sip.media.Answerer;
import dev.outdial.sip.media.AudioClip;
import dev.outdial.sip.media.CallProgressTones;
import dev.outdial.sip.media.MediaLeg;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.header.CSeqHeader;
import javax.sip.header.RSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One leg Outdial dials, to a customer through the trunk or to an agent's phone: the INVITE's life
 * from the offer to the BYE, told to the engine as Telephony's contract wants it — Ringing on 180/183,
 * Answered on the 2xx, exactly one terminal event. When the engine ends a leg it gets its terminal
 * event at once (HungUp by the PLATFORM if answered, Failed NOANSWER if not), and the SIP clean-up (CANCEL,
 * or ACK and BYE when a 2xx crosses the CANCEL) goes on quietly after it.
 *
 * <p>A customer's leg dialed with {@link MachineDetection#ON} is listened to after the 2xx, and Answered told once
 * the greeting says who picked up ({@link MediaLeg#listenForMachine}); until then the engine sees it ringing. Silence
 * that never ends in a verdict is a person, and so is a far end that hangs up while it is listened to (Answered,
 * then HungUp): a call someone picked up is never counted as unanswered.
 *
 * <p>The network's tones fail the leg as what they say (INVALID_NUMBER for a number not in service, BUSY for a busy
 * tone, NETWORK_ERROR where the network could not put the call through): heard in the early media of a 183 with SDP on
 * every leg (the leg is then cancelled at once, not rung to its timeout), and its special information tones also
 * after the answer on a leg listened to for machines (the network answered to play its announcement; the leg is hung
 * up).
 *
 * <p>A trunk's 421 asking for reliable provisional responses or session timers gets the INVITE again with them; where
 * the answer makes Outdial the session's refresher, a {@link SessionTimer} refreshes it until the call ends.
 *
 * <p>Thread-safe: the stack's threads, the timers and the engine all call in; every change of state
 * happens under the leg's lock, events are queued to the {@link EventSink} under it, so they keep
 * their order.
 */
public final class OutboundLeg implements DialogLeg, ResponseHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundLeg.class);

    private enum State { CALLING, LISTENING, ANSWERED, ENDED }

    /** How long a greeting is listened to at most, past the audio a verdict takes: a guard should the media not tell. */
    private static final Duration LISTENING_AT_MOST = Answerer.TOLD_WITHIN.plusSeconds(1);

    private final CallId id;
    private final LegContext context;
    private final Consumer<CallEvent> listener;
    private final MediaLeg media;
    private final LegAudio audio;
    private final String description;
    private final MachineDetection detection;
    /** The customer dialed through the trunk, and the trunk; empty for an agent's phone. */
    private Optional<Customer> customer;
    /** The trunks the call was sent to before the one it is on: none is tried twice. */
    private final Set<InetSocketAddress> trunksTried = new HashSet<>();
    private Request invite;
    private ClientTransaction transaction;
    private Dialog dialog;
    private State state = State.CALLING;
    private boolean provisional;
    private boolean rang;
    private boolean challenged;
    /** The extensions the trunk refused the INVITE without, and was asked again with (a 421). */
    private final Set<String> extensionsAsked = new HashSet<>();
    /** Refreshes the session where the far end made Outdial its refresher; present once the call is answered. */
    private Optional<SessionTimer> sessionTimer = Optional.empty();
    /** The RSeq of the last reliable provisional response acknowledged (PRACK). */
    private long lastAcknowledgedRSeq = -1;
    /** A provisional response brought the far end's SDP: its early media is listened to. */
    private boolean earlyMedia;
    /** The engine gave up on the leg before the far end answered anything: CANCEL once it may be sent. */
    private boolean cancelWanted;
    private boolean reported;
    private ScheduledFuture<?> ringTimer;
    private ScheduledFuture<?> listeningTimer;
    private final DialogMedia dialogMedia;
    /** The trunks' final answers to the call's INVITEs so far, and the transaction of the last (customers' legs). */
    private final List<TrunkAnswer> trunkAnswers = new ArrayList<>();
    private ClientTransaction answeredTransaction;

    /** A customer's number, dialed through {@code trunk}, one of the carrier's. */
    record Customer(String number, InetSocketAddress trunk) {
    }

    OutboundLeg(CallId id, LegContext context, MediaLeg media, MachineDetection detection, Optional<Customer> customer,
                Consumer<CallEvent> listener, String description) {
        this.id = id;
        this.detection = detection;
        this.customer = customer;
        this.context = context;
        this.media = media;
        this.listener = listener;
        this.description = description;
        SipSettings.Srtp srtp = context.endpoint().settings().srtp();
        this.dialogMedia = new DialogMedia(context, media, customer.isPresent() ? srtp.trunk() : srtp.phones());
        this.audio = new LegAudio(media, context.prompts(), context.timers(),
                digits -> digitsCollected(digits), this::hangUp);
    }

    /** The SDP our INVITE offers. */
    synchronized String offer() {
        return dialogMedia.offer();
    }

    /** Sends the INVITE; unanswered after {@code ringTimeout} the leg fails as NOANSWER. */
    synchronized void start(Request request, Duration ringTimeout) {
        invite = request;
        ringTimer = context.timers().schedule(this::ringTimedOut, ringTimeout.toMillis(), TimeUnit.MILLISECONDS);
        send(request);
    }

    private void send(Request request) {
        try {
            transaction = context.endpoint().transaction(request, this);
            dialog = context.endpoint().provider().getNewDialog(transaction);
            transaction.sendRequest();
        } catch (SipException e) {
            LOG.info("INVITE for {} could not be sent: {}", description, e.getMessage());
            noteNoAnswer("the INVITE could not be sent: " + e.getMessage());
            if (!triedOnTheNextTrunk()) {
                fail(CallResult.NETWORK_ERROR);
            }
        }
    }

    /**
     * The trunk the call went to cannot take it (unreachable, silent to the INVITE until Timer B, or a final response
     * that says the network failed before anything rang: a 5xx, a 408): it is tried on the carrier's next trunk, where
     * there is one it was not tried on. Whether it was. Only once a trunk's transaction is over, never while it may
     * still ring the customer: a call is never put through two trunks at once.
     */
    private boolean triedOnTheNextTrunk() {
        if (customer.isEmpty() || state != State.CALLING || reported || rang) {
            return false;
        }
        trunksTried.add(customer.get().trunk());
        Optional<InetSocketAddress> other = context.trunks().next(trunksTried);
        if (other.isEmpty()) {
            return false;
        }
        LOG.info("{}: trunk {} could not take it; tried on {}", description, Trunks.text(customer.get().trunk()),
                Trunks.text(other.get()));
        customer = Optional.of(new Customer(customer.get().number(), other.get()));
        try {
            sendAgain(Optional.of(Requests.toTrunk(invite, other.get())));
        } catch (InvalidArgumentException | java.text.ParseException e) {
            sendAgain(Optional.empty());
        }
        return true;
    }

    @Override
    public CallId id() {
        return id;
    }

    @Override
    public synchronized String sipCallId() {
        return invite.getHeader(javax.sip.header.CallIdHeader.NAME) instanceof javax.sip.header.CallIdHeader header
                ? header.getCallId() : "";
    }

    @Override
    public synchronized Optional<MediaLeg> media() {
        return state == State.ANSWERED ? Optional.of(media) : Optional.empty();
    }

    /**
     * Until the far end is heard to answer, {@code hearer} hears this customer's leg ring ({@link MediaLeg#hearRinging}),
     * with the ring-back of the number's country where the network sends no audio.
     */
    @Override
    public synchronized void ringingHeardOn(MediaLeg hearer) {
        // given up on (hung up, timed out) but not yet ended by the trunk: the engine was told it ended
        if (customer.isPresent() && !reported && (state == State.CALLING || state == State.LISTENING)) {
            hearer.hearRinging(media, CallProgressTones.ringBack(customer.get().number()));
        }
    }

    @Override
    public synchronized Optional<LegAudio> audio() {
        return state == State.ANSWERED ? Optional.of(audio) : Optional.empty();
    }

    @Override
    public synchronized void onResponse(ResponseEvent event) {
        Response response = event.getResponse();
        int status = response.getStatusCode();
        if (!isInvite(response)) {
            return;
        }
        if (status >= 200) {
            noteAnswer(event);
        }
        if (status < 200) {
            onProvisional(event);
        } else if (status < 300) {
            onAnswer(event);
        } else if (status == Response.EXTENSION_REQUIRED && state == State.CALLING && !reported
                && askedAgainRequiring(Extensions.required(response))) {
            LOG.debug("{}: asked again with the extensions the trunk requires", description);
        } else if (ResponseResults.resultOf(status, rang, Q850.causeOf(response)) == CallResult.NETWORK_ERROR
                && triedOnTheNextTrunk()) {
            // the trunk or the network behind it failed (5xx, 408 before ringing), not the customer: a Q.850 cause of
            // theirs, busy or unassigned, is their result
            LOG.debug("{}: the other trunk takes it from here", description);
        } else if ((status == 401 || status == 407) && !challenged && state == State.CALLING && !reported) {
            challenged = true;
            sendAgain(context.trunkAuth().answer(invite, response));
        } else {
            fail(ResponseResults.resultOf(status, rang, Q850.causeOf(response)));
        }
    }

    /**
     * A trunk that will only call with reliable provisional responses or session timers: asked for once it says so,
     * since every other trunk is happier without (a PRACK is one more round trip a call, a refresh one more re-INVITE).
     * Whether it was asked again; not where it requires what Outdial cannot do, or was asked for it already.
     */
    private boolean askedAgainRequiring(List<String> required) {
        List<String> asked = Extensions.toAskFor(required, extensionsAsked);
        if (asked.isEmpty()) {
            return false;
        }
        extensionsAsked.addAll(asked);
        sendAgain(Extensions.requiring(invite, asked, context.endpoint().headers()));
        return true;
    }

    /** The INVITE as the trunk asked for it again (credentials, an extension); one it cannot have fails the call. */
    private void sendAgain(Optional<Request> retry) {
        if (retry.isPresent()) {
            invite = retry.get();
            provisional = false;
            send(invite);
        } else {
            fail(CallResult.HOTLINE_ERROR);
        }
    }

    /** The trunk's final answer to an INVITE of a customer's call, once a transaction (a 2xx may come again). */
    private void noteAnswer(ResponseEvent event) {
        if (customer.isEmpty() || event.getClientTransaction() == answeredTransaction) {
            return;
        }
        answeredTransaction = event.getClientTransaction();
        Response response = event.getResponse();
        OptionalInt cause = Q850.causeOf(response);
        trunkAnswers.add(new TrunkAnswer(Trunks.text(customer.get().trunk()), response.getStatusCode(),
                Objects.requireNonNullElse(response.getReasonPhrase(), ""),
                cause.isPresent() && cause.getAsInt() <= 127 ? cause.getAsInt() : null));
    }

    /** The trunk a customer's call went to answered its INVITE nothing, for the reason {@code why}. */
    private void noteNoAnswer(String why) {
        customer.ifPresent(called -> trunkAnswers.add(
                new TrunkAnswer(Trunks.text(called.trunk()), TrunkAnswer.NONE, why, null)));
    }

    /** Whether {@code response} answers an INVITE (by its CSeq's method). */
    static boolean isInvite(Response response) {
        return response.getHeader(CSeqHeader.NAME) instanceof CSeqHeader cseq && Request.INVITE.equals(cseq.getMethod());
    }

    private void onProvisional(ResponseEvent event) {
        Response response = event.getResponse();
        int status = response.getStatusCode();
        provisional = true;
        if (cancelWanted) {
            sendCancel();
            return;
        }
        if (Extensions.required(response).contains(Extensions.RELIABLE_PROVISIONALS)) {
            acknowledge(event);
        }
        // 183 with early media is never an answer: the far end still rings (or plays its own tones).
        if ((status == 180 || status == 183) && !rang && !reported) {
            rang = true;
            emit(new CallEvent.Ringing(id));
        }
        if (!earlyMedia && !reported && state == State.CALLING) {
            dialogMedia.usable(response).ifPresent(this::listenToEarlyMedia);
        }
    }

    /**
     * A reliable provisional response (RFC 3262) is acknowledged with a PRACK, once: unacknowledged, the trunk sends it
     * again for 32 s and then ends the call.
     */
    private void acknowledge(ResponseEvent event) {
        if (!(event.getResponse().getHeader(RSeqHeader.NAME) instanceof RSeqHeader rseq)
                || rseq.getSequenceNumber() <= lastAcknowledgedRSeq) {
            return;
        }
        lastAcknowledgedRSeq = rseq.getSequenceNumber();
        Dialog early = event.getDialog() != null ? event.getDialog() : dialog;
        try {
            Request prack = early.createPrack(event.getResponse());
            early.sendRequest(context.endpoint().transaction(prack, ResponseHandler.IGNORED));
        } catch (SipException e) {
            LOG.info("PRACK for {} not sent: {}", description, e.getMessage());
        }
    }

    /** The network plays its own audio while the call rings: its tones may say the call cannot get through. */
    private void listenToEarlyMedia(Sdp.RemoteMedia remote) {
        earlyMedia = true;
        dialogMedia.connect(remote);
        media.listenForNetworkTones(this::announcedWhileRinging);
    }

    private synchronized void announcedWhileRinging(Answerer announcement) {
        if (state != State.CALLING || reported) {
            return;
        }
        LOG.info("{}: the network's tones while it rang say {}; cancelled", description, announcement);
        report(new CallEvent.Failed(id, networkResult(announcement).orElseThrow()));
        sendCancel();
    }

    /** The call's result where the network, not the called party, answered ({@link Answerer#NOT_IN_SERVICE}, …). */
    private static Optional<CallResult> networkResult(Answerer answerer) {
        return switch (answerer) {
            case NOT_IN_SERVICE -> Optional.of(CallResult.INVALID_NUMBER);
            case CONGESTION -> Optional.of(CallResult.NETWORK_ERROR);
            case BUSY -> Optional.of(CallResult.BUSY);
            case PERSON, MACHINE, NOT_SURE -> Optional.empty();
        };
    }

    private void onAnswer(ResponseEvent event) {
        Dialog answered = event.getDialog() != null ? event.getDialog() : dialog;
        if (answered == null) {
            LOG.warn("2xx without a dialog for {}", description);
            return;
        }
        if (state == State.ANSWERED || state == State.LISTENING) {
            return;
        }
        dialog = answered;
        Response response = event.getResponse();
        ack(response);
        if (reported) {
            // The engine gave up first, or the 2xx crossed our CANCEL: the far end must not be left talking.
            bye();
            release();
            return;
        }
        Optional<Sdp.RemoteMedia> remote = dialogMedia.usable(response);
        if (remote.isEmpty()) {
            LOG.info("{} answered without audio we can speak; hung up", description);
            bye();
            fail(CallResult.HOTLINE_ERROR);
            return;
        }
        dialogMedia.connect(remote.get());
        cancelRingTimer();
        SessionTimer timer = new SessionTimer(context, this, dialog, dialogMedia, transport(),
                this::sessionLost, description);
        timer.answered(response);
        sessionTimer = Optional.of(timer);
        if (detection == MachineDetection.ON) {
            state = State.LISTENING;
            media.listenForMachine(this::told);
            listeningTimer = context.timers().schedule(() -> told(Answerer.NOT_SURE), LISTENING_AT_MOST.toMillis(),
                    TimeUnit.MILLISECONDS);
        } else {
            media.listenForNothing(); // to the early media's tones: the call is answered
            state = State.ANSWERED;
            emit(new CallEvent.Answered(id, false));
        }
    }

    /** The greeting told who answered: the engine hears of the answer now. */
    private synchronized void told(Answerer answerer) {
        if (state != State.LISTENING) {
            return;
        }
        LOG.debug("{}: answered by {}", description, answerer);
        Optional<CallResult> byTheNetwork = networkResult(answerer);
        if (byTheNetwork.isPresent()) {
            bye();
            fail(byTheNetwork.get());
            return;
        }
        state = State.ANSWERED;
        cancelListeningTimer();
        emit(new CallEvent.Answered(id, answerer == Answerer.MACHINE));
    }

    private void ack(Response response) {
        try {
            long cseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
            dialog.sendAck(dialog.createAck(cseq));
        } catch (Exception e) {
            LOG.warn("ACK for {} not sent: {}", description, e.toString());
        }
    }

    @Override
    public synchronized void onTimeout() {
        noteNoAnswer("no answer to the INVITE");
        if (state == State.CALLING) {
            LOG.info("No answer to the INVITE for {} (Timer B)", description);
            if (!triedOnTheNextTrunk()) {
                fail(CallResult.NETWORK_ERROR);
            }
        }
    }

    private synchronized void ringTimedOut() {
        if (state == State.CALLING && !reported) {
            if (provisional) {
                giveUp(CallResult.NOANSWER);
            } else {
                // Not even a 100 Trying: the trunk never took the call. The customer did not fail to answer (a NOANSWER
                // counts as their attempt); the network failed to put it through.
                LOG.info("The trunk did not answer the INVITE for {} before its ring timeout", description);
                giveUp(CallResult.NETWORK_ERROR);
            }
        }
    }

    @Override
    public synchronized void hangUp() {
        switch (state) {
            case ANSWERED -> endWithBye(Cause.PLATFORM);
            case LISTENING -> {
                bye();
                fail(CallResult.NOANSWER); // the engine was not told of the answer yet
            }
            case CALLING -> {
                if (!reported) {
                    giveUp(CallResult.NOANSWER);
                }
            }
            case ENDED -> { }
        }
    }

    /** Reports {@code result} now and cancels the INVITE as soon as SIP allows (after a provisional response). */
    private void giveUp(CallResult result) {
        report(new CallEvent.Failed(id, result));
        if (provisional) {
            sendCancel();
        } else {
            cancelWanted = true;
        }
    }

    private void sendCancel() {
        cancelWanted = false;
        try {
            Request cancel = transaction.createCancel();
            context.endpoint().transaction(cancel, ResponseHandler.IGNORED).sendRequest();
        } catch (SipException e) {
            LOG.debug("CANCEL for {} not sent: {}", description, e.getMessage());
        }
    }

    /** The far end hung up an answered leg, or its carrier ended it for a network failure (the BYE's Q.850 cause). */
    @Override
    public synchronized void onBye(RequestEvent event) {
        context.endpoint().respond(event, Response.OK);
        if (state == State.LISTENING) {
            release();
            emit(new CallEvent.Answered(id, false));
            emit(new CallEvent.HungUp(id, Q850.endOf(event.getRequest())));
        } else if (state == State.ANSWERED) {
            release();
            emit(new CallEvent.HungUp(id, Q850.endOf(event.getRequest())));
        }
    }

    /**
     * Asks the far end, in the call's dialog, whether it is still there (OPTIONS). A phone that vanished without a BYE
     * (a laptop asleep, its network gone) answers nothing, or 481 once it forgot the call: the leg then ends as if it
     * had hung up, with a BYE should it come back. Any other answer, a refusal of OPTIONS too, means it is there.
     */
    public synchronized void probe() {
        if (state != State.ANSWERED) {
            return;
        }
        try {
            Request options = dialog.createRequest(Request.OPTIONS);
            dialog.sendRequest(context.endpoint().transaction(options, new ResponseHandler() {
                @Override
                public void onResponse(ResponseEvent event) {
                    int status = event.getResponse().getStatusCode();
                    if (status == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST || status == Response.REQUEST_TIMEOUT) {
                        vanished("answered " + status);
                    }
                }

                @Override
                public void onTimeout() {
                    vanished("answered nothing");
                }
            }));
        } catch (SipException e) {
            LOG.info("Could not ask {} whether it is still there: {}", description, e.getMessage());
        }
    }

    @Override
    public synchronized void hangUpIfSilent(Duration limit) {
        if (state == State.ANSWERED && customer.isPresent() && media.farEndSilentLongerThan(limit)) {
            LOG.info("{} sent no audio for over {} s: the network lost the call, which ends", description,
                    limit.toSeconds());
            endWithBye(Cause.LINE_LOST);
        }
    }

    /** The session timer found the far end gone (it did not take a refresh, or made none): the call ends. */
    private synchronized void sessionLost() {
        if (state == State.ANSWERED) {
            endWithBye(Cause.LINE_LOST);
        }
    }

    private synchronized void vanished(String how) {
        if (state == State.ANSWERED) {
            LOG.info("{} {} when asked whether it was still in its call: the call ends", description, how);
            endWithBye(Cause.LINE_LOST);
        }
    }

    @Override
    public synchronized void onOffer(RequestEvent event) {
        dialogMedia.onOffer(event, transport(), agreed -> sessionTimer.ifPresent(timer -> timer.follow(agreed)));
    }

    @Override
    public synchronized void onAck(RequestEvent event) {
        dialogMedia.onAck(event);
    }

    /** We called: a CANCEL is never the far end's to send. */
    @Override
    public void onCancel(RequestEvent event) {
        context.endpoint().respond(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
    }

    private synchronized void digitsCollected(String digits) {
        if (state == State.ANSWERED) {
            emit(new CallEvent.DigitsCollected(id, digits));
        }
    }

    private void bye() {
        context.sendBye(dialog, this);
    }

    /** Ends the answered call with a BYE: the far end is gone (LINE_LOST), or hung up on (PLATFORM). */
    private void endWithBye(Cause cause) {
        bye();
        release();
        emit(new CallEvent.HungUp(id, cause));
    }

    private void fail(CallResult result) {
        if (state == State.ENDED) {
            return;
        }
        boolean tell = !reported;
        if (tell && state == State.CALLING) {
            customer.flatMap(called -> failureTone(result, called.number())).ifPresent(media::ringingEndsWith);
        }
        release();
        if (tell) {
            emit(new CallEvent.Failed(id, result));
        }
    }

    /** What a phone plays its caller when a call fails as {@code result}: a busy tone, a congestion tone, or nothing. */
    private static Optional<AudioClip> failureTone(CallResult result, String number) {
        return switch (result) {
            case BUSY, REFUSAL -> Optional.of(CallProgressTones.busy(number));
            case NETWORK_ERROR, INVALID_NUMBER -> Optional.of(CallProgressTones.congestion(number));
            default -> Optional.empty();
        };
    }

    private void report(CallEvent terminal) {
        reported = true;
        emit(terminal);
        cancelRingTimer();
    }

    /**
     * Frees the leg's media and forgets it, before its terminal event goes out, so whoever hears
     * that event finds the leg's port free; nothing is told to the engine after that event.
     */
    private void release() {
        if (state == State.ENDED) {
            return;
        }
        reported = true;
        boolean answered = state == State.ANSWERED;
        state = State.ENDED;
        cancelRingTimer();
        cancelListeningTimer();
        sessionTimer.ifPresent(SessionTimer::stop);
        audio.stop();
        media.close();
        context.forget(this);
        if (answered && customer.isPresent()) {
            context.customerLegEnded(id, media.stats());
        }
        if (!trunkAnswers.isEmpty()) {
            context.trunksAnswered(id, List.copyOf(trunkAnswers));
        }
    }

    private void cancelRingTimer() {
        if (ringTimer != null) {
            ringTimer.cancel(false);
        }
    }

    private void cancelListeningTimer() {
        if (listeningTimer != null) {
            listeningTimer.cancel(false);
        }
    }

    private void emit(CallEvent event) {
        context.events().emit(listener, event);
    }

    private String transport() {
        return invite.getRequestURI() instanceof javax.sip.address.SipURI uri && uri.getTransportParam() != null
                ? uri.getTransportParam() : "udp";
    }

    @Override
    public String toString() {
        return description + " " + id.value();
    }
}
