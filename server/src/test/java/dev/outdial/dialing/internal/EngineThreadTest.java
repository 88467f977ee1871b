package dev.outdial.dialing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outdial.engine.port.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine's lanes: one business's work on one thread, in order; other businesses' work beside it. */
class EngineThreadTest {

    private final EngineThread engine = new EngineThread(Clock.systemUTC(), 2);

    @AfterEach
    void stop() {
        engine.destroy();
    }

    @Test
    void aBusinessRunsOnOneThreadInTheOrderItsTasksWereScheduled() throws Exception {
        Scheduler lane = engine.lane(7);
        List<Integer> order = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        for (int i = 0; i < 50; i++) {
            int task = i;
            lane.at(lane.now(), () -> {
                order.add(task);
                threads.add(Thread.currentThread());
            });
        }
        lane.at(lane.now(), done::countDown);
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(order).containsExactlyElementsOf(IntStream.range(0, 50).boxed().toList());
        assertThat(threads).containsOnly(engine.call(7, Thread::currentThread));
        assertThat(engine.call(9, Thread::currentThread)).as("business 9 shares business 7's lane of two")
                .isSameAs(threads.getFirst());
    }

    @Test
    void anotherBusinessRunsWhileOneWaits() throws Exception {
        CountDownLatch released = new CountDownLatch(1);
        // Business 1 waits on its lane for business 2 to run: on one thread for both, it never would.
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> engine.call(1, () -> {
            try {
                return released.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }));
        engine.run(2, released::countDown);

        assertThat(waiting.get(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aTaskScheduledOnALaneStaysThere() throws Exception {
        AtomicReference<Thread> scheduler = new AtomicReference<>();
        AtomicReference<Thread> timer = new AtomicReference<>();
        CountDownLatch fired = new CountDownLatch(1);
        engine.run(3, () -> {
            scheduler.set(Thread.currentThread());
            // As the simulated carrier sets a leg's timer through the engine, not through a lane.
            engine.after(Duration.ofMillis(1), () -> {
                timer.set(Thread.currentThread());
                fired.countDown();
            });
        });
        assertThat(fired.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(timer.get()).isSameAs(scheduler.get());
    }

    @Test
    void theNumberOfThreadsIsChecked() {
        assertThatThrownBy(() -> new EngineThread(Clock.systemUTC(), 0))
                .hasMessageContaining("outdial.dialing.engine-threads");
    }
}
