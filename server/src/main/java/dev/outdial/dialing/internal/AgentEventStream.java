package dev.outdial.dialing.internal;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.port.AgentScreen;
import dev.outdial.engine.port.AgentUpdate;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
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
 */
@Component
public class AgentEventStream implements AgentScreen {

    /** A stream lives as long as the agent's page; the browser reconnects by itself after this. */
    private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

    private final Map<AgentId, Set<SseEmitter>> streams = new ConcurrentHashMap<>();

    /** A new stream for the agent, dropped when it completes, times out or fails. */
    public SseEmitter subscribe(AgentId agent) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        Set<SseEmitter> mine = streams.computeIfAbsent(agent, ignored -> ConcurrentHashMap.newKeySet());
        mine.add(emitter);
        Runnable drop = () -> mine.remove(emitter);
        emitter.onCompletion(drop);
        emitter.onTimeout(drop);
        emitter.onError(failure -> drop.run());
        send(agent, emitter, "connected", Map.of());
        return emitter;
    }

    /**
     * Ends every open stream when the server stops: a graceful shutdown waits for open requests,
     * and an agent's stream never ends by itself. Browsers reconnect to the next server.
     */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        streams.values().forEach(emitters -> emitters.forEach(SseEmitter::complete));
        streams.clear();
    }

    @Override
    public void show(AgentId agent, AgentUpdate update) {
        push(agent, AgentEvents.nameOf(update), AgentEvents.payloadOf(update));
    }

    /** The agent's own leg rings: a progressive call connects once they answer it. */
    public void ringing(AgentId agent, String leg) {
        push(agent, "call-ringing", Map.of("leg", leg));
    }

    /** The agent's leg stopped ringing unanswered (timed out, or the customer hung up first). */
    public void ringingStopped(AgentId agent, String leg) {
        push(agent, "ringing-stopped", Map.of("leg", leg));
    }

    void push(AgentId agent, String name, Map<String, Object> payload) {
        for (SseEmitter emitter : streams.getOrDefault(agent, Set.of())) {
            send(agent, emitter, name, payload);
        }
    }

    private void send(AgentId agent, SseEmitter emitter, String name, Map<String, Object> payload) {
        try {
            emitter.send(SseEmitter.event().name(name).data(payload));
        } catch (IOException | IllegalStateException gone) {
            // The page went away; the engine carries on without it.
            streams.getOrDefault(agent, Set.of()).remove(emitter);
        }
    }
}
