package dev.outdial.dialing.internal;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open event stream of an agent, written by a thread of its own from a bounded queue. The
 * engine thread only queues: a slow or dead browser fills its own queue and never holds up the
 * dialing of anyone else. A stream that falls {@code backlog} events behind is closed; the page
 * reconnects by itself and reloads what it shows.
 */
final class EventSubscriber {

    /** An event to write: with its id (null for none), and whether it tells the client its reconnection delay. */
    private record Event(String id, String name, Map<String, Object> payload, boolean withRetry) {
    }

    private static final Event CLOSE = new Event(null, "", Map.of(), false);
    private static final Event HEARTBEAT = new Event(null, "", Map.of(), false);
    /** How long a client waits before it reconnects, sent with the first event. */
    static final java.time.Duration RETRY = java.time.Duration.ofSeconds(3);

    private final SseEmitter emitter;
    private final BlockingQueue<Event> queue;
    private final Consumer<EventSubscriber> onClosed;
    private volatile boolean closed;

    EventSubscriber(SseEmitter emitter, int backlog, Consumer<EventSubscriber> onClosed) {
        this.emitter = emitter;
        // One room more than the backlog, so the close marker always fits.
        this.queue = new ArrayBlockingQueue<>(backlog + 1);
        this.onClosed = onClosed;
        Thread.ofVirtual().name("outdial-agent-events").start(this::sendQueued);
    }

    /** Queues an event without ever blocking; false when the stream is closed or was just closed for falling behind. */
    boolean offer(String id, String name, Map<String, Object> payload) {
        return offer(new Event(id, name, payload, false));
    }

    /** The stream's first event: the client's reconnection delay ({@code retry:}) travels with it. */
    boolean offerFirst(String id, String name, Map<String, Object> payload) {
        return offer(new Event(id, name, payload, true));
    }

    /** A comment line, so proxies that cut idle connections keep this one. */
    boolean heartbeat() {
        return offer(HEARTBEAT);
    }

    private boolean offer(Event event) {
        if (closed) {
            return false;
        }
        if (queue.remainingCapacity() <= 1 || !queue.offer(event)) {
            close();
            return false;
        }
        return true;
    }

    /** Stops taking events; the sender completes the stream once it is done with what it is writing. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.clear();
        queue.offer(CLOSE);
        onClosed.accept(this);
    }

    boolean isClosed() {
        return closed;
    }

    private void sendQueued() {
        try {
            while (true) {
                Event event = queue.take();
                if (event == CLOSE) {
                    emitter.complete();
                    return;
                }
                if (event == HEARTBEAT) {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                    continue;
                }
                SseEmitter.SseEventBuilder sse = SseEmitter.event().name(event.name()).data(event.payload());
                if (event.id() != null) {
                    sse.id(event.id());
                }
                if (event.withRetry()) {
                    sse.reconnectTime(RETRY.toMillis());
                }
                emitter.send(sse);
            }
        } catch (IOException | IllegalStateException gone) {
            // The page went away; nobody is left to tell.
            close();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            close();
        }
    }
}
