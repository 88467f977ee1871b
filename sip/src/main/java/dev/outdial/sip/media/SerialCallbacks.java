package dev.outdial.sip.media;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one leg's callbacks (keys, prompts over) in the order they happened, one at a time, off the
 * media threads: a callback that sends a SIP BYE or takes a lock must never hold up the packets
 * of every other leg.
 */
final class SerialCallbacks {

    private static final Logger log = LoggerFactory.getLogger(SerialCallbacks.class);

    private final Executor executor;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean cancelled;

    SerialCallbacks(Executor executor) {
        this.executor = executor;
    }

    void submit(Runnable task) {
        if (!cancelled) {
            tasks.add(task);
            schedule();
        }
    }

    /** Drops the callbacks not yet started, and any submitted later (the leg is closed). */
    void cancel() {
        cancelled = true;
        tasks.clear();
    }

    private void schedule() {
        if (!tasks.isEmpty() && running.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RuntimeException rejected) {
                running.set(false); // the engine is closing: callbacks are dropped
            }
        }
    }

    private void drain() {
        try {
            Runnable task;
            while (!cancelled && (task = tasks.poll()) != null) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.warn("A media callback failed", e);
                }
            }
        } finally {
            running.set(false);
            schedule();
        }
    }
}
