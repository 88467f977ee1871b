package dev.outdial.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one way a test waits: it polls what it can observe (an API's answer, a row, a received
 * event) until a condition holds, and fails naming what it waited for and what it saw last. A
 * test never sleeps for a fixed time instead; to show that something does not happen, it waits
 * for a later signal proving the system had its chance (see {@code DialingScenario#engineCaughtUp}).
 */
public final class Await {

    /** Time for a few simulated calls of a fraction of a second on a loaded machine; short enough to fail fast. */
    public static final Duration PATIENCE = Duration.ofSeconds(15);

    /** Between two looks: often enough not to add to a test's time, rarely enough not to load the server. */
    private static final Duration POLL = Duration.ofMillis(20);

    private Await() {
    }

    /** Probes until {@code done} holds for what it answers, within {@link #PATIENCE}; returns that answer. */
    public static <T> T until(Supplier<T> probe, Predicate<? super T> done, String what) {
        return until(probe, done, what, PATIENCE);
    }

    public static <T> T until(Supplier<T> probe, Predicate<? super T> done, String what, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Waited " + patience + " for " + what + "; last seen: " + last);
            }
            LockSupport.parkNanos(POLL.toNanos());
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
            last = probe.get();
        }
        return last;
    }

    public static void until(BooleanSupplier condition, String what) {
        until(condition::getAsBoolean, Boolean::booleanValue, what);
    }
}
