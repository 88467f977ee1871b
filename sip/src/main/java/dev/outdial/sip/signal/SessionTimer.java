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
 * Session timers (RFC 4028) on a call Outdial placed whose far end made Outdial the refresher (its 2xx says
 * {@code Session-Expires: N;refresher=uac}, as a trunk that requires the extension may): the session is refreshed with a
 * re-INVITE, offering our SDP again, every half interval, or the trunk would hang the call up once the interval ran out,
 * typically 15 or 30 minutes into it. A refresh answered 481 or 408, or not at all, says the far end lost the call:
 * {@code lost} runs. Not thread-safe on its own: it runs under the leg's lock ({@code lock}), which the leg holds when
 * it calls in.
 */
final class SessionTimer implements ResponseHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SessionTimer.class);
    /** Who refreshes, in a Session-Expires header: the dialog's caller (here, Outdial) or the called side. */
    private static final String CALLER = "uac";
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
    /** The CSeq of the last refresh the far end took: a 2xx of it again is only acknowledged again. */
    private long lastTaken = -1;
    private ScheduledFuture<?> next;
    private boolean stopped;

    private SessionTimer(LegContext context, Object lock, Dialog dialog, DialogMedia media, String transport,
                         Runnable lost, String description, int intervalSeconds) {
        this.context = context;
        this.lock = lock;
        this.dialog = dialog;
        this.media = media;
        this.transport = transport;
        this.lost = lost;
        this.description = description;
        this.intervalSeconds = intervalSeconds;
    }

    /**
     * Starts refreshing the session {@code answer} (the 2xx to our INVITE) set up, where it makes Outdial the
     * refresher; empty where it does not (no session timer, or the far end refreshes).
     */
    static Optional<SessionTimer> startWhereOurs(Response answer, LegContext context, Object lock, Dialog dialog,
                                                 DialogMedia media, String transport, Runnable lost,
                                                 String description) {
        Optional<Integer> interval = ourInterval(answer);
        interval.ifPresent(seconds -> LOG.info("{}: Outdial refreshes the session every {} s (Session-Expires {} s)",
                description, Math.max(1, seconds / 2), seconds));
        return interval.map(seconds -> {
            SessionTimer timer = new SessionTimer(context, lock, dialog, media, transport, lost, description, seconds);
            timer.scheduleIn(halfOf(seconds));
            return timer;
        });
    }

    /** The session's interval where {@code response} makes the dialog's caller, Outdial, its refresher. */
    private static Optional<Integer> ourInterval(Response response) {
        return response.getHeader(SessionExpiresHeader.NAME) instanceof SessionExpiresHeader expires
                && CALLER.equalsIgnoreCase(expires.getRefresher()) && expires.getExpires() > 0
                ? Optional.of(expires.getExpires()) : Optional.empty();
    }

    /**
     * Called with a request that carries {@code Session-Expires} (a call offered to us, or the far end's refresh), the
     * 2xx {@code ok} keeps its interval and leaves the refreshing to the far end, which offers to ({@code refresher=uac}
     * or none), requiring the extension of it (RFC 4028 §9). Nothing where the far end does not support session timers
     * or asks Outdial to refresh (which it does only on calls it placed): the session then has no timer.
     */
    static void keptByTheFarEnd(Request request, Response ok, HeaderFactory headers) {
        if (!(request.getHeader(SessionExpiresHeader.NAME) instanceof SessionExpiresHeader asked)
                || !(Extensions.supported(request).contains(Extensions.SESSION_TIMER)
                        || Extensions.required(request).contains(Extensions.SESSION_TIMER))
                || (asked.getRefresher() != null && !CALLER.equalsIgnoreCase(asked.getRefresher()))) {
            return;
        }
        try {
            SessionExpiresHeader kept = ((HeaderFactoryExt) headers).createSessionExpiresHeader(asked.getExpires());
            kept.setRefresher(CALLER);
            ok.setHeader(kept);
            ok.setHeader(headers.createRequireHeader(Extensions.SESSION_TIMER));
        } catch (InvalidArgumentException | ParseException e) {
            LOG.info("Session-Expires {} not kept in the answer: {}", asked.getExpires(), e.getMessage());
        }
    }

    /** Refreshes no more: the call ended. */
    void stop() {
        stopped = true;
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
                Sdp.parse(DialogMedia.body(response)).ifPresent(media::connect);
                Optional<Integer> interval = ourInterval(response);
                if (interval.isEmpty()) {
                    LOG.info("{}: the far end refreshes the session from now on", description);
                    return;
                }
                intervalSeconds = interval.get();
                scheduleIn(halfOf(intervalSeconds));
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
