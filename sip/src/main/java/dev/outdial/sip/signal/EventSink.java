package dev.outdial.sip.signal;

import dev.outdial.engine.port.CallEvent;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands call events to their listeners on one thread of its own, in the order legs emitted them:
 * never on a SIP stack thread (a slow listener must not hold up the stack's retransmissions) and
 * never under a leg's lock (a listener may call back into the adapter).
 */
public final class EventSink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventSink.class);

    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "outdial-sip-events");
        t.setDaemon(true);
        return t;
    });

    /** Queues {@code event} for {@code listener}; call it under the leg's lock to keep the leg's order. */
    public void emit(Consumer<CallEvent> listener, CallEvent event) {
        thread.execute(() -> {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("A call listener failed on {}", event, e);
            }
        });
    }

    @Override
    public void close() {
        thread.shutdown();
    }
}
