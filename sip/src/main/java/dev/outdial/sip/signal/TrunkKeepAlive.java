package dev.outdial.sip.signal;

import dev.outdial.sip.SipSettings;
import dev.outdial.sip.TrunkStatus;
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
 * Asks the trunk OPTIONS every {@code keep-alive} and keeps how it answered for the Hotlines page.
 * Any response means the trunk is alive, even a 405 or 501 from a trunk that does not do OPTIONS;
 * only silence (Timer F) or a transport error is DOWN.
 */
public final class TrunkKeepAlive implements ResponseHandler, AutoCloseable {

    private final SipEndpoint endpoint;
    private final Requests requests;
    private final Clock clock;
    private volatile TrunkStatus status = new TrunkStatus(TrunkStatus.State.UNKNOWN, Optional.empty(), "not asked yet");
    private ScheduledFuture<?> schedule;

    public TrunkKeepAlive(SipEndpoint endpoint, Requests requests, Clock clock) {
        this.endpoint = endpoint;
        this.requests = requests;
        this.clock = clock;
    }

    /** Asks first after one interval: a trunk is not pestered while the node starts, and its state is UNKNOWN until then. */
    public void start(ScheduledExecutorService timers) {
        long every = endpoint.settings().keepAlive().toMillis();
        schedule = timers.scheduleWithFixedDelay(this::ask, every, every, TimeUnit.MILLISECONDS);
    }

    public TrunkStatus status() {
        return status;
    }

    private void ask() {
        SipSettings settings = endpoint.settings();
        try {
            Request options = requests.optionsToTrunk();
            endpoint.transaction(options, this).sendRequest();
        } catch (SipException | RuntimeException e) {
            record(TrunkStatus.State.DOWN, "cannot reach " + settings.trunk().getHostString() + ":"
                    + settings.trunk().getPort() + " over " + settings.transport() + ": " + e.getMessage());
        }
    }

    @Override
    public void onResponse(ResponseEvent event) {
        Response response = event.getResponse();
        if (response.getStatusCode() >= 200) {
            record(TrunkStatus.State.UP, "OPTIONS answered " + response.getStatusCode() + " " + response.getReasonPhrase());
        }
    }

    @Override
    public void onTimeout() {
        record(TrunkStatus.State.DOWN, "no answer to OPTIONS");
    }

    private void record(TrunkStatus.State state, String detail) {
        status = new TrunkStatus(state, Optional.of(clock.instant()), detail);
    }

    @Override
    public void close() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }
}
