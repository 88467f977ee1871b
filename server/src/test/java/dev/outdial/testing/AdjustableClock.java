package dev.outdial.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests: the wall clock, until a test moves it on to a time it would
 * otherwise wait for (an appointment, a period's end) instead of sleeping. The test that moves it
 * {@link #reset()}s it, since the application is shared with other test classes.
 */
@Primary
public class AdjustableClock extends Clock {

    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

    /** From now on the application's time is {@code by} later than before. */
    public void advance(Duration by) {
        ahead.accumulateAndGet(by, Duration::plus);
    }

    /** Back to the wall clock. */
    public void reset() {
        ahead.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), ahead.get());
    }
}
