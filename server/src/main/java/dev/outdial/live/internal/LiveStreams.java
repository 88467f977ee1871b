package dev.outdial.live.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live figures pushed as Server-Sent Events to every open dashboard. A round
 * ({@link LiveTicker}) computes each watched scope's figures once, whoever many watch it, and hands
 * them to each stream. Every stream writes on its own virtual thread and keeps only the newest
 * figures not yet written: a slow or stalled browser falls behind by skipping figures, never by
 * holding up the round, the other streams or the dialing.
 *
 * @param <K> what a stream watches (a campaign, or a whole business)
 */
public final class LiveStreams<K> {

    /** A stream lives as long as its page; the browser reconnects by itself after this. */
    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);
    /**
     * Unchanged figures are sent again after this, so the page can show when they were last read;
     * they are the stream's heartbeat too, well within a proxy's 60 s idle timeout.
     */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(10);
    /** How long a client waits before it reconnects, sent with the first figures. */
    static final Duration RETRY = Duration.ofSeconds(3);
    /**
     * Event ids are {@code <boot>-<n>}. Each event is the whole of the figures, and a stream
     * (re)opens with the current ones, so a client reconnecting with any {@code Last-Event-ID}
     * has missed nothing: there is nothing to replay.
     */
    private static final String BOOT = Long.toString(System.currentTimeMillis(), 36);
    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

    private final Map<K, Set<Stream>> streams = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();
    private final String eventName;
    private final Function<Object, Object> sameness;

    /** @param sameness what of a payload tells whether it changed (the figures without their time) */
    public LiveStreams(String eventName, Function<Object, Object> sameness) {
        this.eventName = eventName;
        this.sameness = sameness;
    }

    /** A new stream of {@code scope}, sent {@code first} at once and dropped when it completes, times out or fails. */
    public SseEmitter subscribe(K scope, Object first) {
        return subscribe(scope, first, new SseEmitter(STREAM_TIMEOUT.toMillis()));
    }

    SseEmitter subscribe(K scope, Object first, SseEmitter emitter) {
        Stream stream = new Stream(emitter, scope);
        // Added and removed under the map's lock for the scope, so a stream never joins a set just dropped.
        streams.compute(scope, (key, watching) -> {
            Set<Stream> set = watching == null ? ConcurrentHashMap.newKeySet() : watching;
            set.add(stream);
            return set;
        });
        emitter.onCompletion(stream::drop);
        emitter.onTimeout(stream::drop);
        emitter.onError(failure -> stream.drop());
        stream.offer(first);
        return emitter;
    }

    /** The scopes someone watches now. */
    public Set<K> watched() {
        return Set.copyOf(streams.keySet());
    }

    /** Sends each watched scope what {@code figures} says, computed once per scope; a scope that fails closes its streams. */
    public void push(K scope, Function<K, Object> figures) {
        Set<Stream> watching = streams.getOrDefault(scope, Set.of());
        if (watching.isEmpty()) {
            return;
        }
        Object payload;
        try {
            payload = figures.apply(scope);
        } catch (RuntimeException gone) {
            // The campaign was deleted, or the reading failed: its pages reconnect and are told why.
            log.debug("Live figures of {} failed; closing its streams", scope, gone);
            watching.forEach(stream -> stream.emitter.complete());
            return;
        }
        watching.forEach(stream -> stream.offer(payload));
    }

    public int streamCount() {
        return streams.values().stream().mapToInt(Set::size).sum();
    }

    /** A graceful shutdown waits for open requests, and a dashboard's stream never ends by itself. */
    public void closeAll() {
        streams.values().forEach(watching -> watching.forEach(stream -> stream.emitter.complete()));
        streams.clear();
    }

    public void destroy() {
        closeAll();
        writers.shutdownNow();
    }

    /** One browser's stream: the newest figures not yet written, and whether a writer is at work. */
    private final class Stream {

        private final SseEmitter emitter;
        private final K scope;
        private final AtomicReference<Object> newest = new AtomicReference<>();
        private final AtomicBoolean writing = new AtomicBoolean();
        private volatile Object lastSent;
        private volatile long lastSentAt;
        private volatile boolean dropped;

        private Stream(SseEmitter emitter, K scope) {
            this.emitter = emitter;
            this.scope = scope;
        }

        /** Figures that changed are sent; unchanged ones only now and then, so the page shows it is alive. */
        void offer(Object payload) {
            boolean unchanged = Objects.equals(sameness.apply(payload), lastSent == null ? null : sameness.apply(lastSent));
            if (dropped || unchanged && System.nanoTime() - lastSentAt < KEEP_ALIVE.toNanos()) {
                return;
            }
            newest.set(payload);
            if (writing.compareAndSet(false, true)) {
                writers.execute(this::writeNewest);
            }
        }

        private void writeNewest() {
            try {
                Object payload;
                while ((payload = newest.getAndSet(null)) != null && !dropped) {
                    SseEmitter.SseEventBuilder event = SseEmitter.event().id(BOOT + "-" + sequence.incrementAndGet())
                            .name(eventName).data(payload);
                    if (lastSent == null) {
                        event.reconnectTime(RETRY.toMillis());
                    }
                    emitter.send(event);
                    lastSent = payload;
                    lastSentAt = System.nanoTime();
                }
            } catch (IOException | IllegalStateException gone) {
                drop();
                return;
            } finally {
                writing.set(false);
            }
            // Figures offered between the last read and the flag's release are written now.
            if (newest.get() != null && !dropped && writing.compareAndSet(false, true)) {
                writers.execute(this::writeNewest);
            }
        }

        void drop() {
            if (!dropped) {
                dropped = true;
                streams.computeIfPresent(scope, (key, watching) -> {
                    watching.remove(this);
                    return watching.isEmpty() ? null : watching;
                });
            }
        }
    }
}
