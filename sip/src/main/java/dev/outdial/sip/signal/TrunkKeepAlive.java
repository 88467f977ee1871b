package dev.outdial.sip.signal;

import dev.outdial.sip.SipSettings;
import dev.outdial.sip.TrunkStatus;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Asks each of the carrier's trunks OPTIONS every {@code keep-alive} and keeps how it answered ({@link Trunks}): for the
 * Hotlines page, and for where calls go. Any response means a trunk is alive, even a 405 or 501 from a trunk that does
 * not do OPTIONS; only silence (Timer F) or a transport error is DOWN.
 */
public final class TrunkKeepAlive implements AutoCloseable {

    private final SipEndpoint endpoint;
    private final Requests requests;
    private final Trunks trunks;
    private final Clock clock;
    private ScheduledFuture<?> schedule;

    public TrunkKeepAlive(SipEndpoint endpoint, Requests requests, Trunks trunks, Clock clock) {
        this.endpoint = endpoint;
        this.requests = requests;
        this.trunks = trunks;
        this.clock = clock;
    }

    /** Asks first after one interval: a trunk is not pestered while the node starts, and its state is UNKNOWN until then. */
    public void start(ScheduledExecutorService timers) {
        long every = endpoint.settings().keepAlive().toMillis();
        schedule = timers.scheduleWithFixedDelay(this::ask, every, every, TimeUnit.MILLISECONDS);
    }

    public TrunkStatus status() {
        return trunks.status();
    }

    private void ask() {
        trunks.all().forEach(this::ask);
    }

    private void ask(InetSocketAddress trunk) {
        SipSettings settings = endpoint.settings();
        if (!Trunks.isNamed(trunk)) {
            record(trunk, TrunkStatus.State.DOWN, "cannot reach " + Trunks.text(trunk) + ": " + Trunks.NOT_NAMED_YET);
            return;
        }
        try {
            Request options = requests.optionsTo(trunk);
            endpoint.transaction(options, new ResponseHandler() {
                @Override
                public void onResponse(ResponseEvent event) {
                    Response response = event.getResponse();
                    if (response.getStatusCode() >= 200) {
                        record(trunk, TrunkStatus.State.UP, "OPTIONS answered " + response.getStatusCode() + " "
                                + response.getReasonPhrase());
                    }
                }

                @Override
                public void onTimeout() {
                    record(trunk, TrunkStatus.State.DOWN, "no answer to OPTIONS");
                }
            }).sendRequest();
        } catch (SipException | RuntimeException e) {
            record(trunk, TrunkStatus.State.DOWN, "cannot reach " + Trunks.text(trunk) + " over "
                    + settings.transport() + ": " + e.getMessage());
        }
    }

    private void record(InetSocketAddress trunk, TrunkStatus.State state, String detail) {
        trunks.record(trunk, new TrunkStatus(state, Optional.of(clock.instant()), detail));
    }

    @Override
    public void close() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }
}
