package dev.outdial.engine.port;

import java.time.Instant;

/**
 * The engine's only source of time, and its only way to act later.
 *
 * <p>Live, the server backs it with the wall clock and a thread pool; in simulation, a virtual-time
 * event queue backs it, so a day of dialing runs in seconds and the same seed always gives the
 * same day. Engine code never reads the system clock or sleeps: it asks this port.
 */
public interface Scheduler {

    /** The current instant: wall-clock time live, virtual time in a simulation. */
    Instant now();

    /** Runs {@code task} once at {@code when} (at once if it has passed); the handle cancels it. */
    Cancellable at(Instant when, Runnable task);

    /** A scheduled task that has not yet run can be cancelled; cancelling twice is harmless. */
    interface Cancellable {
        void cancel();
    }
}
