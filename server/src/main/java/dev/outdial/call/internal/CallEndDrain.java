package dev.outdial.call.internal;

import dev.outdial.call.CallEndHandler;
import dev.outdial.call.CallEnded;
import dev.outdial.call.internal.CallEndOutbox.Stored;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands the stored call ends to their handlers: a thread per handler takes up to {@value #BATCH} of
 * its rows (oldest first, skipping rows another node's drain holds), handles them and deletes them in
 * one transaction — a call end is handled once, or rolled back and handed again, after a restart too.
 * When a batch fails, each of its call ends is handled alone; one that fails alone is tried again
 * after {@link #RETRY_AFTER}, at most {@value #ATTEMPTS} times, then kept for an operator to see
 * ({@code next_try_at} null). A thread waits for a commit that stored work for it (or a second, for
 * other nodes' rows and retries), then {@link #LINGER} more so that a busy node's call ends share a batch.
 * Not run in {@code ./outdial audit}, which changes nothing.
 */
@Component
class CallEndDrain implements SmartLifecycle {

    static final int BATCH = 500;
    static final int ATTEMPTS = 5;
    static final Duration RETRY_AFTER = Duration.ofMinutes(1);
    private static final Duration LINGER = Duration.ofMillis(50);
    private static final Duration IDLE = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(CallEndDrain.class);

    private final List<Worker> workers;
    private final CallEndOutbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final boolean runs;
    private volatile boolean running;

    CallEndDrain(List<CallEndHandler> handlers, CallEndOutbox outbox, PlatformTransactionManager transactions,
                 Clock clock, Environment environment) {
        this.workers = handlers.stream().map(Worker::new).toList();
        this.outbox = outbox;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        this.runs = !environment.acceptsProfiles(Profiles.of("audit"));
        long distinct = handlers.stream().map(CallEndHandler::name).distinct().count();
        if (distinct != handlers.size()) {
            throw new IllegalStateException("two call-end handlers share a name: their stored call ends would mix");
        }
    }

    /** Tells the named handlers' threads that call ends were stored for them. */
    void wake(List<String> handlers) {
        workers.stream().filter(worker -> handlers.contains(worker.handler.name())).forEach(worker -> worker.work.release());
    }

    /** Hands the handler's due call ends to it, a batch at a time, until none is due; answers how many were taken. */
    int drain(String handler) {
        return drain(workers.stream().filter(one -> one.handler.name().equals(handler)).findFirst().orElseThrow()
                .handler);
    }

    private int drain(CallEndHandler handler) {
        int total = 0;
        int taken;
        do {
            taken = drainOnce(handler);
            total += taken;
        } while (taken == BATCH);
        return total;
    }

    private int drainOnce(CallEndHandler handler) {
        List<Stored> taken = new ArrayList<>();
        try {
            transactions.executeWithoutResult(status -> {
                taken.addAll(outbox.take(handler.name(), BATCH));
                if (!taken.isEmpty()) {
                    handler.handle(taken.stream().map(Stored::ended).toList());
                    outbox.remove(taken);
                }
            });
        } catch (RuntimeException batchFailed) {
            if (taken.isEmpty()) {
                log.warn("Call ends for {} not taken; the next round tries again: {}", handler.name(),
                        batchFailed.getMessage());
                return 0;
            }
            taken.forEach(one -> handleAlone(handler, one));
        }
        return taken.size();
    }

    private void handleAlone(CallEndHandler handler, Stored one) {
        try {
            transactions.executeWithoutResult(status -> {
                if (outbox.lock(one.id())) {
                    handler.handle(List.of(one.ended()));
                    outbox.remove(List.of(one));
                }
            });
        } catch (RuntimeException failed) {
            int attempts = one.attempts() + 1;
            Instant nextTry = attempts >= ATTEMPTS ? null : clock.instant().plus(RETRY_AFTER);
            CallEnded ended = one.ended();
            if (nextTry == null) {
                log.error("Call {} not handled by {} after {} attempts, given up: kept in call_end_outbox for an operator: {}",
                        ended.callId(), handler.name(), attempts, failed.getMessage());
            } else {
                log.warn("Call {} not handled by {} (attempt {} of {}): {}", ended.callId(), handler.name(), attempts,
                        ATTEMPTS, failed.getMessage());
            }
            try {
                transactions.executeWithoutResult(status -> outbox.failed(one, String.valueOf(failed.getMessage()),
                        nextTry));
            } catch (RuntimeException notNoted) {
                // The row stays due as it was: the next round tries it again.
                log.warn("Failed try of call {} by {} not noted: {}", ended.callId(), handler.name(),
                        notNoted.getMessage());
            }
        }
    }

    @Override
    public void start() {
        if (!runs || running) {
            return;
        }
        running = true;
        for (Worker worker : workers) {
            worker.thread = Thread.ofPlatform().name("outdial-call-end-" + worker.handler.name()).daemon()
                    .start(() -> loop(worker));
        }
    }

    @Override
    public void stop() {
        running = false;
        for (Worker worker : workers) {
            if (worker.thread != null) {
                worker.thread.interrupt();
                try {
                    worker.thread.join(Duration.ofSeconds(10));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                worker.thread = null;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop(Worker worker) {
        while (running) {
            try {
                drain(worker.handler);
                if (worker.work.tryAcquire(IDLE.toMillis(), TimeUnit.MILLISECONDS)) {
                    Thread.sleep(LINGER);
                    worker.work.drainPermits();
                }
            } catch (InterruptedException stopping) {
                return;
            } catch (RuntimeException unexpected) {
                log.warn("Call-end drain of {} failed; it goes on", worker.handler.name(), unexpected);
            }
        }
    }

    /** A handler, its thread and the signal that work was stored for it. */
    private static final class Worker {

        final CallEndHandler handler;
        final Semaphore work = new Semaphore(0);
        volatile Thread thread;

        Worker(CallEndHandler handler) {
            this.handler = handler;
        }
    }
}
