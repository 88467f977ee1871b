package dev.outdial.dialing.internal;

import dev.outdial.engine.port.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The engine's {@link Scheduler} on the wall clock: one thread per node runs every engine task,
 * timers and agents' requests alike, so the engine's in-memory state (open calls, agents' work,
 * the simulated carrier's legs) needs no locks. "Tasks run one at a time, never concurrently, in
 * the order of their time and, at equal times, of scheduling" — a single-threaded scheduled
 * executor orders by trigger time, then by submission.
 *
 * <p>A request thread hands its work to this thread with {@link #call} and waits for the answer.
 */
@Component
public class EngineThread implements Scheduler, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EngineThread.class);

    private final Clock clock;
    private final ScheduledThreadPoolExecutor executor;
    private volatile Thread thread;

    EngineThread(Clock clock) {
        this.clock = clock;
        this.executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread engine = new Thread(task, "outdial-engine");
            engine.setDaemon(true);
            thread = engine;
            return engine;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    /** Microseconds, as the database keeps them, so a state read back equals the state written. */
    @Override
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public Cancellable at(Instant when, Runnable task) {
        long delay = Math.max(0, Duration.between(now(), when).toNanos());
        ScheduledFuture<?> scheduled = executor.schedule(() -> runLogged(task), delay, TimeUnit.NANOSECONDS);
        return () -> scheduled.cancel(false);
    }

    /** Runs {@code work} on the engine's thread and returns its answer; at once when already on it. */
    public <T> T call(Supplier<T> work) {
        if (Thread.currentThread() == thread) {
            return work.get();
        }
        Future<T> answer = executor.submit(work::get);
        try {
            return answer.get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the engine", interrupted);
        }
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    /** One failing task (a database hiccup) must not stop the thread every campaign of the node runs on. */
    private static void runLogged(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException failure) {
            log.error("An engine task failed", failure);
        }
    }
}
