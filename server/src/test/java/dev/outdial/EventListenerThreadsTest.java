package dev.outdial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The call-end listeners' threads: as many as set, never more, whatever is waiting. */
class EventListenerThreadsTest {

    @Test
    void listenersRunOnTheThreadsSetAndTheRestWait() throws Exception {
        EventListenerThreads threads = new EventListenerThreads(2);
        try {
            Executor executor = threads.getAsyncExecutor();
            Set<Thread> used = ConcurrentHashMap.newKeySet();
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(20);
            for (int i = 0; i < 20; i++) {
                executor.execute(() -> {
                    used.add(Thread.currentThread());
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                    done.countDown();
                });
            }
            release.countDown();

            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(used).hasSize(2).allSatisfy(thread -> assertThat(thread.getName()).startsWith("outdial-events-"));
        } finally {
            threads.destroy();
        }
    }

    @Test
    void theNumberOfThreadsIsChecked() {
        assertThatThrownBy(() -> new EventListenerThreads(0)).hasMessageContaining("outdial.events.listener-threads");
        assertThatThrownBy(() -> new EventListenerThreads(65)).hasMessageContaining("outdial.events.listener-threads");
    }
}
