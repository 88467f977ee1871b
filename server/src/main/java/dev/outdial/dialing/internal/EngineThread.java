package dev.outdial.dialing.internal;

import dev.outdial.engine.port.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine's {@link Scheduler} on the wall clock: a few threads per node ("lanes",
 * {@code outdial.dialing.engine-threads}), each business pinned to one, so everything of one
 * business — its timers, its calls' events, its agents' requests — runs on its lane one task at a
 * time and its engine state (open calls, agents' work, the simulated carrier's legs) needs no locks.
 * "Tasks run one at a time, never concurrently, in the order of their time and, at equal times, of
 * scheduling" holds per business: a single-threaded scheduled executor orders by trigger time, then
 * by submission. Businesses share nothing but the carrier and the database, so their lanes'
 * round trips to the database overlap (issue 18: one thread waiting for one statement after another
 * bounded a node at ~45 attempts/s).
 *
 * <p>A task scheduled through this class itself runs on the lane that schedules it (the simulated
 * carrier's timers follow the call that set them), or on the first lane when scheduled from outside
 * them; the engine's own components schedule through {@link #lane} of their business. A request
 * thread hands its work to the business's lane with {@link #call} and waits for the answer.
 */
@Component
public class EngineThread implements Scheduler, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EngineThread.class);

    private final Clock clock;
    private final List<Lane> lanes;
    /** The lane the current thread runs, or null on any other thread. */
    private final ThreadLocal<Lane> current = new ThreadLocal<>();

    EngineThread(Clock clock, @Value("${outdial.dialing.engine-threads:4}") int threads) {
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("outdial.dialing.engine-threads must be from 1 to 64, not " + threads);
        }
        this.clock = clock;
        this.lanes = IntStream.range(0, threads).mapToObj(this::newLane).toList();
    }

    /** Microseconds, as the database keeps them, so a state read back equals the state written. */
    @Override
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** On the lane of the calling thread, or the first lane when called from outside every lane. */
    @Override
    public Cancellable at(Instant when, Runnable task) {
        Lane lane = current.get();
        return (lane == null ? lanes.getFirst() : lane).at(when, task);
    }

    /** The scheduler of the business's lane: every task of the business's engine runs there. */
    public Scheduler lane(long businessId) {
        return laneOf(businessId);
    }

    /** Runs {@code work} on the business's lane and returns its answer; at once when already on it. */
    public <T> T call(long businessId, Supplier<T> work) {
        return laneOf(businessId).call(work);
    }

    public void run(long businessId, Runnable work) {
        call(businessId, () -> {
            work.run();
            return null;
        });
    }

    @Override
    public void destroy() {
        lanes.forEach(lane -> lane.executor.shutdownNow());
    }

    private Lane laneOf(long businessId) {
        return lanes.get((int) Math.floorMod(businessId, (long) lanes.size()));
    }

    private Lane newLane(int index) {
        return new Lane(new ScheduledThreadPoolExecutor(1, task -> {
            Thread engine = new Thread(task, "outdial-engine-" + index);
            engine.setDaemon(true);
            return engine;
        }));
    }

    /** One thread of the engine and the businesses pinned to it. */
    private final class Lane implements Scheduler {

        private final ScheduledThreadPoolExecutor executor;

        private Lane(ScheduledThreadPoolExecutor executor) {
            this.executor = executor;
            executor.setRemoveOnCancelPolicy(true);
            executor.execute(() -> current.set(this));
        }

        @Override
        public Instant now() {
            return EngineThread.this.now();
        }

        @Override
        public Cancellable at(Instant when, Runnable task) {
            long delay = Math.max(0, Duration.between(now(), when).toNanos());
            ScheduledFuture<?> scheduled = executor.schedule(() -> runLogged(task), delay, TimeUnit.NANOSECONDS);
            return () -> scheduled.cancel(false);
        }

        private <T> T call(Supplier<T> work) {
            if (current.get() == this) {
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
    }

    /** One failing task (a database hiccup) must not stop the thread the businesses of its lane run on. */
    private static void runLogged(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException failure) {
            log.error("An engine task failed", failure);
        }
    }
}
