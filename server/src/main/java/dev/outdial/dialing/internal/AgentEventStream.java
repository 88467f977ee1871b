package dev.outdial.dialing.internal;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.inbound.InboundCall;
import dev.outdial.engine.port.AgentScreen;
import dev.outdial.engine.port.AgentUpdate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
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
    /** Tells this run's event ids from an earlier run's: a restart numbers from 1 again. */
    private static final String BOOT = Long.toString(System.currentTimeMillis(), 36);

    private final Map<AgentId, AgentEventLog> logs = new ConcurrentHashMap<>();
    /** The customer call each agent's progressive dialing placed, which the agent's ringing leg connects to. */
    private final Map<AgentId, String> placedCalls = new ConcurrentHashMap<>();
    private final int backlog;
    private final Clock clock;

    @Autowired
    AgentEventStream(Clock clock) {
        this(BACKLOG, clock);
    }

    AgentEventStream(int backlog) {
        this(backlog, Clock.systemUTC());
    }

    AgentEventStream(int backlog, Clock clock) {
        this.backlog = backlog;
        this.clock = clock;
    }

    /** A new stream for the agent, dropped when it completes, times out or fails. */
    public SseEmitter subscribe(AgentId agent) {
        return subscribe(agent, (String) null);
    }

    /**
     * A new stream for the agent which first sends what the client missed since
     * {@code lastEventId} (its {@code Last-Event-ID}), if that is within the replay window.
     */
    public SseEmitter subscribe(AgentId agent, String lastEventId) {
        return subscribe(agent, new SseEmitter(STREAM_TIMEOUT.toMillis()), lastEventId);
    }

    /** Streams the agent's events to {@code emitter}; the same as {@link #subscribe(AgentId)} with an emitter of one's own. */
    public SseEmitter subscribe(AgentId agent, SseEmitter emitter) {
        return subscribe(agent, emitter, null);
    }

    /**
     * {@code connected} comes first, with {@code resumed}: true when the events missed since
     * {@code lastEventId} follow it, false when the client must reload what it shows. It carries
     * the id of the agent's newest event, so a reconnection right after it misses nothing.
     */
    SseEmitter subscribe(AgentId agent, SseEmitter emitter, String lastEventId) {
        Set<EventSubscriber> mine = streams.computeIfAbsent(agent, ignored -> ConcurrentHashMap.newKeySet());
        EventSubscriber subscriber = new EventSubscriber(emitter, backlog, mine::remove);
        AgentEventLog log = logOf(agent);
        // Under the log's lock, so no event falls between the replay and the live ones.
        synchronized (log) {
            Optional<List<AgentEventLog.Entry>> missed = log.after(lastEventId, clock.instant());
            subscriber.offerFirst(log.position(), "connected", Map.of("resumed", missed.isPresent()));
            missed.orElse(List.of()).forEach(entry -> subscriber.offer(entry.id(), entry.name(), entry.payload()));
            mine.add(subscriber);
        }
        emitter.onCompletion(subscriber::close);
        emitter.onTimeout(subscriber::close);
        emitter.onError(failure -> subscriber.close());
        return emitter;
    }

    /** A comment on every open stream now and then: proxies that cut idle connections after 60 s keep them. */
    @Scheduled(fixedRateString = "${outdial.sse.heartbeat:PT15S}")
    void heartbeat() {
        streams.values().forEach(subscribers -> subscribers.forEach(EventSubscriber::heartbeat));
    }

    private AgentEventLog logOf(AgentId agent) {
        return logs.computeIfAbsent(agent, ignored -> new AgentEventLog(BOOT));
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
        if (update instanceof AgentUpdate.CallPlaced placed) {
            placedCalls.put(agent, placed.call().value());
        } else if (update instanceof AgentUpdate.CallEnded ended) {
            placedCalls.remove(agent, ended.call().value());
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

    /**
     * The agent's own leg rings: a progressive call connects once they answer it. {@code callId} is
     * the customer's call, the id {@code POST /calls/{id}/answer} takes; absent when no customer
     * call is placed yet (a queue call, an auto callback's agent-first leg: answered with
     * {@code /me/phone/answer}). {@code leg} names the agent's phone leg itself.
     */
    public void ringing(AgentId agent, String leg) {
        push(agent, "call-ringing", legPayload(agent, leg));
    }

    /**
     * A queue call the agent is rung for, talks on, or that ended or went back to the queue: who calls and into which
     * queue, so the agent knows before they pick up. {@code state} is the call's own (WAITING once it rings for them no
     * more).
     */
    public void queueCall(AgentId agent, InboundCall call, String queueName) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("callId", call.id().value());
        payload.put("queueId", call.queueId());
        payload.put("queue", queueName);
        payload.put("callerNumber", call.callerNumber());
        payload.put("state", call.phase().name());
        push(agent, "queue-call", payload);
    }

    /**
     * The agent's call {@code callId} (a campaign's or a queue call) was put on hold or taken off, or its recording
     * paused or resumed, by their phone or through the API (a CRM's button): the screen shows the call again, with the
     * buttons that now apply.
     */
    public void callChanged(AgentId agent, String callId) {
        push(agent, "call-changed", Map.of("callId", callId));
    }

    /** The agent's leg stopped ringing unanswered (timed out, or the customer hung up first). */
    public void ringingStopped(AgentId agent, String leg) {
        push(agent, "ringing-stopped", legPayload(agent, leg));
    }

    private Map<String, Object> legPayload(AgentId agent, String leg) {
        Map<String, Object> payload = new LinkedHashMap<>();
        Optional.ofNullable(placedCalls.get(agent)).ifPresent(call -> payload.put("callId", call));
        payload.put("leg", leg);
        return payload;
    }

    /** Queues the event for each of the agent's streams; never blocks the engine thread it is called on. */
    void push(AgentId agent, String name, Map<String, Object> payload) {
        AgentEventLog log = logOf(agent);
        synchronized (log) {
            AgentEventLog.Entry entry = log.append(name, payload, clock.instant());
            for (EventSubscriber subscriber : streams.getOrDefault(agent, Set.of())) {
                subscriber.offer(entry.id(), name, payload);
            }
        }
    }
}
