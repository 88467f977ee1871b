package dev.outdial.dialing.internal;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.port.AgentScreen;
import dev.outdial.engine.port.AgentUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The agent's screen as the engine updates it, pushed live as Server-Sent Events to every stream
 * the agent has open ({@code GET /api/v1/me/events}): customer offered (with {@code dialsAt}, the
 * end of a preview's countdown), offer withdrawn, call placed, ringing, connected, ended, wrap-up.
 * The engine thread only queues each event ({@link EventSubscriber}): writing to a browser is never
 * its business, so a slow or dead page cannot stall dialing.
 */
@Component
public class AgentEventStream implements AgentScreen {

    /** A stream lives as long as the agent's page; the browser reconnects by itself after this. */
    private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

    /** Events a stream may fall behind before it is closed: far more than one call's worth. */
    static final int BACKLOG = 256;

    private final Map<AgentId, Set<EventSubscriber>> streams = new ConcurrentHashMap<>();
    /** Each agent's preview still counting down: a card loaded when the screen opens shows it too. */
    private final Map<AgentId, AgentUpdate.CustomerOffered> previews = new ConcurrentHashMap<>();
    private final int backlog;

    AgentEventStream() {
        this(BACKLOG);
    }

    AgentEventStream(int backlog) {
        this.backlog = backlog;
    }

    /** A new stream for the agent, dropped when it completes, times out or fails. */
    public SseEmitter subscribe(AgentId agent) {
        return subscribe(agent, new SseEmitter(STREAM_TIMEOUT.toMillis()));
    }

    /** Streams the agent's events to {@code emitter}; the same as {@link #subscribe(AgentId)} with an emitter of one's own. */
    public SseEmitter subscribe(AgentId agent, SseEmitter emitter) {
        Set<EventSubscriber> mine = streams.computeIfAbsent(agent, ignored -> ConcurrentHashMap.newKeySet());
        EventSubscriber subscriber = new EventSubscriber(emitter, backlog, mine::remove);
        mine.add(subscriber);
        emitter.onCompletion(subscriber::close);
        emitter.onTimeout(subscriber::close);
        emitter.onError(failure -> subscriber.close());
        subscriber.offer("connected", Map.of());
        return emitter;
    }

    /** How many streams of the agent are open; a stream that fell behind is no longer one of them. */
    public int openStreams(AgentId agent) {
        return streams.getOrDefault(agent, Set.of()).size();
    }

    /**
     * Ends every open stream when the server stops: a graceful shutdown waits for open requests,
     * and an agent's stream never ends by itself. Browsers reconnect to the next server.
     */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        streams.values().forEach(subscribers -> Set.copyOf(subscribers).forEach(EventSubscriber::close));
        streams.clear();
    }

    @Override
    public void show(AgentId agent, AgentUpdate update) {
        if (update instanceof AgentUpdate.CustomerOffered offered && offered.dialsAt().isPresent()) {
            previews.put(agent, offered);
        } else if (!(update instanceof AgentUpdate.CallEnded || update instanceof AgentUpdate.WrapUpStarted)) {
            // Withdrawn, dialed or connected: the countdown is over.
            previews.remove(agent);
        }
        push(agent, AgentEvents.nameOf(update), AgentEvents.payloadOf(update));
    }

    /**
     * When the system dials the customer the agent is previewing, if it still counts down: the
     * screen's own load of the card and the offer's event may arrive in either order.
     */
    public Optional<Instant> previewDialsAt(AgentId agent, long customerId) {
        return Optional.ofNullable(previews.get(agent)).filter(offer -> offer.customerId() == customerId)
                .flatMap(AgentUpdate.CustomerOffered::dialsAt);
    }

    /** The agent's own leg rings: a progressive call connects once they answer it. */
    public void ringing(AgentId agent, String leg) {
        push(agent, "call-ringing", Map.of("leg", leg));
    }

    /** The agent's leg stopped ringing unanswered (timed out, or the customer hung up first). */
    public void ringingStopped(AgentId agent, String leg) {
        push(agent, "ringing-stopped", Map.of("leg", leg));
    }

    /** Queues the event for each of the agent's streams; never blocks the engine thread it is called on. */
    void push(AgentId agent, String name, Map<String, Object> payload) {
        for (EventSubscriber subscriber : streams.getOrDefault(agent, Set.of())) {
            subscriber.offer(name, payload);
        }
    }
}
