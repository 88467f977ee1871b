package dev.outdial.sip.signal;

import gov.nist.javax.sip.header.HeaderFactoryExt;
import gov.nist.javax.sip.header.extensions.MinSE;
import gov.nist.javax.sip.header.extensions.SessionExpiresHeader;
import java.text.ParseException;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.header.CSeqHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Session timers (RFC 4028) on a call whose far end made Outdial the refresher: on a call Outdial placed, the 2xx says
 * {@code Session-Expires: N;refresher=uac} (as a trunk that requires the extension may); on a call it took, the INVITE
 * asked {@code refresher=uas} (as some carriers' edges do). The session is refreshed with a re-INVITE, offering our SDP
 * again, every half interval, or the far end would hang the call up once the interval ran out, typically 15 or 30
 * minutes into it. A refresh answered 481 or 408, or not at all, says the far end lost the call: {@code lost} runs. A
 * refresh of the far end's own that leaves the refreshing to it stops ours. Where the far end refreshes, a session it
 * has not refreshed by the time it expires (less a third of it, at most 32 s: RFC 4028 §10) is a call it lost too, as
 * a held call whose far end vanished is, which no silence can tell. Not thread-safe on its own: it runs under the
 * leg's lock ({@code lock}), which the leg holds when it calls in.
 */
final class SessionTimer implements ResponseHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SessionTimer.class);
    /** Who refreshes, in a Session-Expires header: the caller of the transaction that carries it... */
    private static final String CALLER = "uac";
    /** ...or the called side. */
    private static final String CALLED = "uas";
    /** After a refresh that crossed the far end's own re-INVITE (491): RFC 3261 14.1's wait for the Call-ID's owner. */
    private static final long AFTER_GLARE_MILLIS = 2_100;

    private final LegContext context;
    private final Object lock;
    private final Dialog dialog;
    private final DialogMedia media;
    private final String transport;
    private final Runnable lost;
    private final String description;
    private int intervalSeconds;
    /** What the last 2xx agreed; empty while the session has no timer. */
    private Optional<Agreement> agreed = Optional.empty();
    /** The CSeq of the last refresh the far end took: a 2xx of it again is only acknowledged again. */
    private long lastTaken = -1;
    private ScheduledFuture<?> next;
    private boolean stopped;

    /** A timer of the call in {@code dialog}, which does nothing until told what the session's 2xx agreed. */
    SessionTimer(LegContext context, Object lock, Dialog dialog, DialogMedia media, String transport, Runnable lost,
                 String description) {
        this.context = context;
        this.lock = lock;
        this.dialog = dialog;
        this.media = media;
        this.transport = transport;
        this.lost = lost;
        this.description = description;
    }

    /** Follows the session timer {@code answer}, the 2xx to our INVITE, agreed. */
    void answered(Response answer) {
        follow(Agreement.answeredIn(answer));
    }

    /**
     * Follows what the last 2xx in the dialog agreed ({@code now}: {@link Agreement#askedIn} of the far end's INVITE,
     * re-INVITE or UPDATE, {@link Agreement#answeredIn} of the answer to Outdial's): Outdial refreshes from now on, or
     * the far end does and is waited for, or, with no agreement, the session has no timer (RFC 4028 §10: a refresh
     * without Session-Expires turns it off).
     */
    void follow(Optional<Agreement> now) {
        if (stopped) {
            return;
        }
        cancelNext();
        if (!now.equals(agreed)) {
            LOG.info("{}: {}", description, now.map(agreement -> agreement.ours()
                    ? "Outdial refreshes the session every " + Math.max(1, agreement.seconds() / 2)
                            + " s (Session-Expires " + agreement.seconds() + " s)"
                    : "the far end refreshes the session every " + agreement.seconds() + " s at the latest")
                    .orElse("the session has no timer"));
            agreed = now;
        }
        now.ifPresent(agreement -> {
            intervalSeconds = agreement.seconds();
            if (agreement.ours()) {
                scheduleIn(halfOf(intervalSeconds));
            } else {
                next = context.timers().schedule(this::expired, lapseOf(intervalSeconds), TimeUnit.MILLISECONDS);
            }
        });
    }

    /** When a session of {@code seconds} the far end refreshes is taken for lost: a third, at most 32 s, before. */
    private static long lapseOf(int seconds) {
        long millis = seconds * 1000L;
        return Math.max(1, millis - Math.min(32_000L, millis / 3));
    }

    private void expired() {
        synchronized (lock) {
            if (!stopped) {
                LOG.info("{}: the far end did not refresh the session within its {} s; it lost the call", description,
                        intervalSeconds);
                stopped = true;
                lost.run();
            }
        }
    }

    /**
     * The session timer a request to Outdial asks for (a call offered to it, or the far end's refresh) and its 2xx
     * keeps (RFC 4028 §9): the interval asked, refreshed by the far end where it offers to ({@code refresher=uac}, or
     * none given) and by Outdial where it asks it to ({@code refresher=uas}).
     */
    record Agreement(int seconds, boolean ours) {

        /**
         * The session timer the 2xx to Outdial's INVITE or refresh agreed: refreshed by Outdial where it says
         * {@code refresher=uac}, by the far end where it says {@code uas}; empty where it names neither (the session
         * has no timer: a 2xx that leaves out who refreshes, as RFC 4028 §9 forbids, is not trusted to refresh).
         */
        static Optional<Agreement> answeredIn(Response answer) {
            if (!(answer.getHeader(SessionExpiresHeader.NAME) instanceof SessionExpiresHeader agreed)
                    || agreed.getExpires() <= 0 || agreed.getRefresher() == null) {
                return Optional.empty();
            }
            boolean ours = CALLER.equalsIgnoreCase(agreed.getRefresher());
            return ours || CALLED.equalsIgnoreCase(agreed.getRefresher())
                    ? Optional.of(new Agreement(agreed.getExpires(), ours)) : Optional.empty();
        }

        /** Empty where the request asks for no timer, or its sender does not support them: the session has none. */
        static Optional<Agreement> askedIn(Request request) {
            if (!(request.getHeader(SessionExpiresHeader.NAME) instanceof SessionExpiresHeader asked)
                    || asked.getExpires() <= 0
                    || !(Extensions.supported(request).contains(Extensions.SESSION_TIMER)
                            || Extensions.required(request).contains(Extensions.SESSION_TIMER))) {
                return Optional.empty();
            }
            return Optional.of(new Agreement(asked.getExpires(), CALLED.equalsIgnoreCase(asked.getRefresher())));
        }

        /** Keeps the interval and who refreshes in the 2xx {@code ok}, requiring the extension of the far end. */
        void keptIn(Response ok, HeaderFactory headers) {
            try {
                SessionExpiresHeader kept = ((HeaderFactoryExt) headers).createSessionExpiresHeader(seconds);
                kept.setRefresher(ours ? CALLED : CALLER);
                ok.setHeader(kept);
                ok.setHeader(headers.createRequireHeader(Extensions.SESSION_TIMER));
            } catch (InvalidArgumentException | ParseException e) {
                LOG.info("Session-Expires {} not kept in the answer: {}", seconds, e.getMessage());
            }
        }
    }

    /** Refreshes no more: the call ended. */
    void stop() {
        stopped = true;
        cancelNext();
    }

    private void cancelNext() {
        if (next != null) {
            next.cancel(false);
        }
    }

    private static long halfOf(int seconds) {
        return Math.max(1_000L, seconds * 500L);
    }

    private void scheduleIn(long millis) {
        next = context.timers().schedule(this::refresh, millis, TimeUnit.MILLISECONDS);
    }

    private void refresh() {
        synchronized (lock) {
            if (stopped) {
                return;
            }
            try {
                Request reinvite = dialog.createRequest(Request.INVITE);
                HeaderFactory headers = context.endpoint().headers();
                reinvite.addHeader(context.endpoint().contact(transport));
                SessionExpiresHeader expires = ((HeaderFactoryExt) headers).createSessionExpiresHeader(intervalSeconds);
                expires.setRefresher(CALLER);
                reinvite.addHeader(expires);
                reinvite.addHeader(headers.createSupportedHeader(Extensions.SESSION_TIMER));
                media.withSdp(reinvite, media.offer());
                dialog.sendRequest(context.endpoint().transaction(reinvite, this));
            } catch (SipException | ParseException | InvalidArgumentException e) {
                LOG.info("{}: the session's refresh was not sent ({}); tried again in half its interval", description,
                        e.getMessage());
                scheduleIn(halfOf(intervalSeconds));
            }
        }
    }

    @Override
    public void onResponse(ResponseEvent event) {
        Response response = event.getResponse();
        int status = response.getStatusCode();
        synchronized (lock) {
            if (stopped || status < 200) {
                return;
            }
            if (status < 300) {
                long cseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
                acknowledge(cseq);
                if (cseq <= lastTaken) {
                    return;
                }
                lastTaken = cseq;
                media.usable(response).ifPresent(media::connect);
                follow(Agreement.answeredIn(response));
            } else if (status == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST || status == Response.REQUEST_TIMEOUT) {
                LOG.info("{}: the session's refresh was answered {}; the far end lost the call", description, status);
                stopped = true;
                lost.run();
            } else if (status == Response.REQUEST_PENDING) {
                scheduleIn(AFTER_GLARE_MILLIS);
            } else if (status == 422 && response.getHeader(MinSE.NAME) instanceof MinSE least) {
                intervalSeconds = Math.max(intervalSeconds, least.getExpires());
                scheduleIn(0);
            } else {
                LOG.info("{}: the session's refresh was answered {}; tried again in half its interval", description,
                        status);
                scheduleIn(halfOf(intervalSeconds));
            }
        }
    }

    private void acknowledge(long cseq) {
        try {
            dialog.sendAck(dialog.createAck(cseq));
        } catch (SipException | InvalidArgumentException e) {
            LOG.info("{}: the ACK of the session's refresh was not sent: {}", description, e.getMessage());
        }
    }

    @Override
    public void onTimeout() {
        synchronized (lock) {
            if (!stopped) {
                LOG.info("{}: the session's refresh was not answered; the far end lost the call", description);
                stopped = true;
                lost.run();
            }
        }
    }
}
