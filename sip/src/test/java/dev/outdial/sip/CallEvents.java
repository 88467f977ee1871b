package dev.outdial.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.port.CallEvent;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A leg's listener that keeps its events for the test to take, in order, waiting a bounded time for each. */
final class CallEvents implements Consumer<CallEvent> {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private final BlockingQueue<CallEvent> events = new LinkedBlockingQueue<>();

    @Override
    public void accept(CallEvent event) {
        events.add(event);
    }

    /** The next event, which must be of {@code type}. */
    <T extends CallEvent> T next(Class<T> type) {
        try {
            CallEvent event = events.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(event).as("the next event, expected a %s", type.getSimpleName()).isInstanceOf(type);
            return type.cast(event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Nothing more arrived (checked after the leg's terminal event, when nothing may follow). */
    void assertNoMore() {
        assertThat(events).isEmpty();
    }
}
