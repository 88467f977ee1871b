package dev.outdial.sip;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls a condition until it holds, failing with a description after a bounded wait. */
final class Await {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private Await() {
    }

    static void until(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Still not true after " + PATIENCE.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
