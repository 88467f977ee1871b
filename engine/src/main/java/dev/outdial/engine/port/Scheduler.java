package dev.outdial.engine.port;

import java.time.Duration;
import java.time.Instant;

/**
 * The engine's only source of time, and its only way to act later.
 *
 * <p>Live, the server backs it with the wall clock and one thread; in simulation, a virtual-time
 * event queue backs it, so a day of dialing runs in seconds and the same seed always gives the
 * same day. Engine code never reads the system clock or sleeps: it asks this port.
 *
 * <p>Contract: tasks run one at a time, never concurrently, in the order of their time and, at
 * equal times, of scheduling. The engine keeps its in-memory state (open calls, agents' work,
 * the business's open lines) without locks because of it; an adapter that runs tasks on a pool
 * must serialise them (e.g. one single-threaded executor per node).
 */
public interface Scheduler {

    /** The current instant: wall-clock time live, virtual time in a simulation. */
    Instant now();

    /** Runs {@code task} once at {@code when} (as soon as possible if it has passed); the handle cancels it. */
    Cancellable at(Instant when, Runnable task);

    /** Runs {@code task} once, {@code delay} from now. */
    default Cancellable after(Duration delay, Runnable task) {
        return at(now().plus(delay), task);
    }

    /** A scheduled task that has not yet run can be cancelled; cancelling twice, or after it ran, is harmless. */
    interface Cancellable {

        /** A handle with nothing to cancel, for fields that hold "no timer". */
        Cancellable NONE = () -> { };

        void cancel();
    }
}
