package dev.outdial.sip.signal;

import dev.outdial.sip.TrunkRegistrationStatus;
import dev.outdial.sip.TrunkRegistrationStatus.State;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ListIterator;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.MinExpiresHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Outdial registered with a trunk that sends its calls to where its customer registered (many carriers do, as
 * a phone would): REGISTER with the trunk's credentials, answered challenge and all (and for the trunk's minimum when
 * it finds ours too brief), renewed at four fifths of what the trunk granted; tried again every 30 s while it fails;
 * ended (Expires: 0) when the adapter closes. It goes to the trunk calls go to ({@link Trunks#current}): once the
 * primary stops answering its keep-alive, Outdial registers with the backup at once, and with the primary again as
 * soon as it answers (the registration left behind lapses by itself: ending it could end the new one, where the two
 * share their registrar).
 *
 * <p>Thread-safe: the timers and the stack's thread call in under the object's lock.
 */
public final class TrunkRegistration implements ResponseHandler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrunkRegistration.class);
    /** How soon a failed registration is tried again. */
    static final Duration RETRY = Duration.ofSeconds(30);

    private final SipEndpoint endpoint;
    private final Requests requests;
    private final Trunks trunks;
    private final TrunkAuth auth;
    private final Clock clock;
    private final String username;
    /** What we ask for: the setting, or the trunk's minimum once it answered 423 Interval Too Brief. */
    private Duration expires;
    /** One registration keeps one Call-ID, its refreshes a rising CSeq. */
    private final String callId;
    private long cseq;
    private Request sent;
    /** The trunk the last REGISTER went to. */
    private InetSocketAddress sentTo;
    private boolean challenged;
    private boolean closed;
    private ScheduledExecutorService timers;
    private ScheduledFuture<?> next;
    private volatile TrunkRegistrationStatus status =
            new TrunkRegistrationStatus(State.REGISTERING, Optional.empty(), "not answered yet");

    public TrunkRegistration(SipEndpoint endpoint, Requests requests, Trunks trunks, TrunkAuth auth, Clock clock,
                             String username, Duration expires) {
        this.endpoint = endpoint;
        this.requests = requests;
        this.trunks = trunks;
        this.auth = auth;
        this.clock = clock;
        this.username = username;
        this.expires = expires;
        this.callId = endpoint.provider().getNewCallId().getCallId();
    }

    public synchronized void start(ScheduledExecutorService timers) {
        this.timers = timers;
        next = timers.schedule(this::register, 0, TimeUnit.MILLISECONDS);
        trunks.whenTheyChange(this::followTheCalls);
    }

    /** The trunks changed: where calls go now, the registration goes now too, unless it went there already. */
    private synchronized void followTheCalls() {
        InetSocketAddress now = trunks.current();
        if (!closed && timers != null && !now.equals(sentTo)) {
            LOG.info("Calls go to trunk {} now: Outdial registers there", Trunks.text(now));
            schedule(Duration.ZERO);
        }
    }

    public TrunkRegistrationStatus status() {
        return status;
    }

    private synchronized void register() {
        if (!closed) {
            send(expires);
        }
    }

    private void send(Duration asked) {
        send(trunks.current(), asked);
    }

    private void send(InetSocketAddress trunk, Duration asked) {
        challenged = false;
        sentTo = trunk;
        try {
            sent = requests.registerWithTrunk(trunk, username, callId, ++cseq, asked);
            endpoint.transaction(sent, this).sendRequest();
        } catch (SipException | RuntimeException e) {
            failed("cannot send REGISTER: " + e.getMessage());
        }
    }

    @Override
    public synchronized void onResponse(ResponseEvent event) {
        Response response = event.getResponse();
        int code = response.getStatusCode();
        if (code < 200) {
            return;
        }
        // A challenge is answered once per REGISTER, the last one (Expires: 0) included.
        if ((code == 401 || code == 407) && !challenged) {
            challenged = true;
            Optional<Request> retry = auth.answer(sent, response);
            if (retry.isPresent()) {
                sent = retry.get();
                cseq = ((CSeqHeader) sent.getHeader(CSeqHeader.NAME)).getSeqNumber();
                try {
                    endpoint.transaction(sent, this).sendRequest();
                    return;
                } catch (SipException e) {
                    failed("cannot send REGISTER: " + e.getMessage());
                    return;
                }
            }
        }
        if (closed) {
            return;
        }
        if (code == Response.INTERVAL_TOO_BRIEF && response.getHeader(MinExpiresHeader.NAME) instanceof MinExpiresHeader min
                && min.getExpires() > expires.toSeconds()) {
            LOG.info("The trunk registers for at least {} s, not {}: asked again", min.getExpires(), expires.toSeconds());
            expires = Duration.ofSeconds(min.getExpires());
            send(expires);
            return;
        }
        if (code >= 300) {
            failed("REGISTER answered " + code + " " + response.getReasonPhrase());
            return;
        }
        Duration granted = granted(response);
        status = new TrunkRegistrationStatus(State.REGISTERED, Optional.of(clock.instant()),
                "registered as " + username + " with " + Trunks.text(sentTo) + " for " + granted.toSeconds() + " s");
        // Renewed well before it lapses, so a call is never sent to a registration the trunk let go.
        schedule(granted.multipliedBy(4).dividedBy(5));
    }

    /**
     * What the trunk granted: our contact's expires (a registrar lists every contact bound to the user, other nodes'
     * too), else the Expires header, else what we asked.
     */
    private Duration granted(Response response) {
        ListIterator<?> contacts = response.getHeaders(ContactHeader.NAME);
        while (contacts != null && contacts.hasNext()) {
            if (contacts.next() instanceof ContactHeader contact && ours(contact) && contact.getExpires() > 0) {
                return Duration.ofSeconds(contact.getExpires());
            }
        }
        if (response.getHeader(ExpiresHeader.NAME) instanceof ExpiresHeader header && header.getExpires() > 0) {
            return Duration.ofSeconds(header.getExpires());
        }
        return expires;
    }

    private boolean ours(ContactHeader contact) {
        return contact.getAddress().getURI() instanceof SipURI uri && SipEndpoint.CONTACT_USER.equals(uri.getUser())
                && endpoint.settings().publicAddress().equals(uri.getHost())
                && uri.getPort() == endpoint.settings().portFor(endpoint.settings().transport().name());
    }

    @Override
    public synchronized void onTimeout() {
        failed("no answer to REGISTER");
    }

    private void failed(String why) {
        if (closed) {
            return;
        }
        LOG.warn("Registration with the trunk failed: {}; tried again in {} s", why, RETRY.toSeconds());
        status = new TrunkRegistrationStatus(State.FAILED, Optional.of(clock.instant()), why);
        schedule(RETRY);
    }

    private void schedule(Duration after) {
        if (next != null) {
            next.cancel(false);
        }
        if (!closed && timers != null) {
            next = timers.schedule(this::register, Math.max(1, after.toMillis()), TimeUnit.MILLISECONDS);
        }
    }

    /** Stops renewing and asks the trunk to forget us (Expires: 0); the adapter closing does not wait for the answer. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (next != null) {
            next.cancel(false);
        }
        if (status.state() == State.REGISTERED) {
            send(sentTo, Duration.ZERO); // where the registration is, whichever trunk calls go to now
        }
    }
}
