package dev.outdial.sip.signal;

import dev.outdial.sip.media.MediaLeg;
import dev.outdial.sip.media.SrtpKey;
import dev.outdial.sip.media.SrtpKeys;
import gov.nist.javax.sip.message.SIPMessage;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sip.RequestEvent;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The SDP of one dialog, whichever side called: our first answer (or our offer, when the INVITE came without one and
 * the answer is in the ACK), and the re-INVITEs and UPDATEs that move the far end's media later. Its media is SRTP
 * where the leg requires it ({@code srtpRequired}: plain RTP is then never offered nor accepted) or the far end offered
 * it, keyed with one key of ours for the dialog's whole life (each re-offer repeats it, so the packet count goes on).
 * Not thread-safe: the leg calls it under its own lock.
 */
final class DialogMedia {

    private final LegContext context;
    private final MediaLeg media;
    private final boolean srtpRequired;
    private long sdpVersion = 1;
    private boolean offerInAckAwaited;
    /** Our SRTP key, once the dialog's media is SRTP. */
    private Optional<SrtpKey> ours = Optional.empty();

    DialogMedia(LegContext context, MediaLeg media, boolean srtpRequired) {
        this.context = context;
        this.media = media;
        this.srtpRequired = srtpRequired;
    }

    /** The far end's media as {@code message}'s SDP says, if this dialog can take it (SRTP where it must be). */
    Optional<Sdp.RemoteMedia> usable(Message message) {
        return usable(message, srtpRequired);
    }

    /**
     * The far end's media as {@code message}'s SDP says, if a dialog can take it (SRTP where {@code srtpRequired}), as
     * the platform reaches it from where the message came ({@link Sdp.RemoteMedia#reachedFrom}).
     */
    static Optional<Sdp.RemoteMedia> usable(Message message, boolean srtpRequired) {
        Optional<InetAddress> signalledFrom = message instanceof SIPMessage received
                ? Optional.ofNullable(received.getRemoteAddress()) : Optional.empty();
        return Sdp.parse(body(message))
                .filter(remote -> remote.crypto().isPresent() || !srtpRequired)
                .map(remote -> signalledFrom.map(remote::reachedFrom).orElse(remote));
    }

    /**
     * Sends to {@code remote}: with SRTP, with the key of ours it was told (in our offer, or in our answer to its
     * offer, made first), whatever suite its own key is of.
     */
    void connect(Sdp.RemoteMedia remote) {
        // keyed before connected: not one packet goes out in the clear to a far end that asked for SRTP
        media.encrypt(remote.crypto().map(theirs ->
                new SrtpKeys(ours.orElseGet(() -> ourKey(theirs.key().suite())), theirs.key())));
        media.connect(remote.address(), remote.codec(), remote.telephoneEventType());
        media.reportTo(remote.control());
        media.farEndHolds(remote.holds());
    }

    /**
     * Our SDP for a 2xx to an INVITE: the answer to {@code offered}, connected at once, or, with no offer, our own
     * offer, whose answer the ACK brings.
     */
    String answer(Optional<Sdp.RemoteMedia> offered, boolean invite) {
        // our answer's key is of the suite the offer chose (RFC 4568 §5.1.2), and the leg sends with that one
        offered.flatMap(Sdp.RemoteMedia::crypto).ifPresent(theirs -> ourKey(theirs.key().suite()));
        offered.ifPresent(this::connect);
        offerInAckAwaited = offered.isEmpty() && invite;
        return offered.map(remote -> Sdp.answer(context.publicAddress(), media.localPort(), ++sdpVersion, remote,
                        remote.crypto().flatMap(theirs -> ours)))
                .orElseGet(this::offer);
    }

    /** Our SDP offered (first, or anew for a session's refresh): the same media, the next version. */
    String offer() {
        Optional<SrtpKey> encrypted = srtpRequired || ours.isPresent()
                ? Optional.of(ourKey(SrtpKey.Suite.AES_CM_128_HMAC_SHA1_80)) : Optional.empty();
        return Sdp.offer(context.publicAddress(), media.localPort(), ++sdpVersion, encrypted);
    }

    /** Our key, of {@code suite}: the one the dialog has, or a new one the first time or for another suite. */
    private SrtpKey ourKey(SrtpKey.Suite suite) {
        if (ours.isEmpty() || ours.get().suite() != suite) {
            ours = Optional.of(SrtpKey.random(suite));
        }
        return ours.get();
    }

    /**
     * A re-INVITE or UPDATE in the dialog (a move of the far end's media, a hold, or a session's refresh): answered
     * with our SDP, following the media if it moved; an UPDATE without SDP (a refresh) is answered without. The
     * session timer it asks for (or none) is kept, and given to {@code agreed}, the leg's {@link SessionTimer#follow};
     * a refused offer leaves the session as it was.
     */
    void onOffer(RequestEvent event, String transport, Consumer<Optional<SessionTimer.Agreement>> agreed) {
        Request request = event.getRequest();
        String offered = body(request);
        Optional<Sdp.RemoteMedia> remote = usable(request);
        if (!offered.isBlank() && remote.isEmpty()) {
            context.endpoint().respond(event, Response.NOT_ACCEPTABLE_HERE);
            return;
        }
        boolean invite = Request.INVITE.equals(request.getMethod());
        Optional<String> ours = remote.isPresent() || invite ? Optional.of(answer(remote, invite)) : Optional.empty();
        Optional<SessionTimer.Agreement> agreement = SessionTimer.Agreement.askedIn(request);
        context.endpoint().respond(event, Response.OK, response -> {
            response.addHeader(context.endpoint().contact(transport));
            agreement.ifPresent(kept -> kept.keptIn(response, context.endpoint().headers()));
            ours.ifPresent(sdp -> withSdp(response, sdp));
        });
        agreed.accept(agreement);
    }

    /** The ACK of an INVITE that came without an offer carries the far end's answer. */
    void onAck(RequestEvent event) {
        if (offerInAckAwaited) {
            offerInAckAwaited = false;
            usable(event.getRequest()).ifPresent(this::connect);
        }
    }

    void withSdp(Message message, String sdp) {
        try {
            message.setContent(sdp, context.endpoint().headers().createContentTypeHeader("application", "sdp"));
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    static String body(Message message) {
        byte[] raw = message.getRawContent();
        return raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
    }
}
