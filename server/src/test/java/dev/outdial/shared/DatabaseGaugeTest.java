package dev.outdial.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DatabaseGaugeTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void aRoundThatReadFirstCannotPutBackAnOlderCountOverANewerOne() throws InterruptedException {
        AtomicLong stored = new AtomicLong(1);
        CountDownLatch slowRoundHasRead = new CountDownLatch(1);
        CountDownLatch letTheSlowRoundRegister = new CountDownLatch(1);
        DatabaseGauge gauge = new DatabaseGauge(registry, "test.backlog", "rows") {
            @Override
            protected Map<Tags, Long> counts() {
                long count = stored.get();
                if (Thread.currentThread().getName().equals("slow-round")) {
                    slowRoundHasRead.countDown();
                    await(letTheSlowRoundRegister);
                }
                return Map.of(Tags.of("state", "due"), count);
            }
        };

        Thread slowRound = Thread.ofPlatform().name("slow-round").start(gauge::refresh);
        slowRoundHasRead.await();
        stored.set(2);
        Thread freshRound = Thread.ofPlatform().name("fresh-round").start(gauge::refresh);
        awaitDoneOrBlocked(freshRound);
        letTheSlowRoundRegister.countDown();
        slowRound.join();
        freshRound.join();

        assertThat(registry.get("test.backlog").tags("state", "due").gauge().value()).isEqualTo(2);
    }

    /** The fresh round either finished (refreshes interleave) or waits for the slow one (they do not). */
    private static void awaitDoneOrBlocked(Thread round) {
        while (round.getState() != Thread.State.TERMINATED && round.getState() != Thread.State.BLOCKED) {
            Thread.onSpinWait();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
