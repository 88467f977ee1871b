package dev.outdial.sip.signal;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.port.CallEvent;
import dev.outdial.engine.port.CallId;
import dev.outdial.sip.AgentLines;
import dev.outdial.sip.media.MediaLeg;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agents' nailed-up lines: one call to the agent's phone, kept up (silent) through their session, on
 * which {@code ringAgent} puts a virtual leg that answers at once. The phone rings for up to
 * {@link #ANSWER_TIMEOUT}; the line goes DOWN when the agent does not pick up, hangs up, or is
 * released, or when the phone, asked every {@code probeEvery} whether it is still in the call, answers nothing: a
 * phone gone without a BYE (a laptop asleep, its network lost) must not be put through customers who would hear nobody.
 */
public final class NailedUpLines implements AgentLines {

    private static final Logger LOG = LoggerFactory.getLogger(NailedUpLines.class);
    /** How long an agent's phone rings for their line: long enough to reach a desk, short enough to notice. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

    private final SipCalls calls;
    private final Bindings bindings;
    private final Duration probeEvery;
    private final Map<AgentId, Line> lines = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<AgentId, CallResult>> notTakenListeners = new CopyOnWriteArrayList<>();

    public NailedUpLines(SipCalls calls, Bindings bindings, Duration probeEvery) {
        this.calls = calls;
        this.bindings = bindings;
        this.probeEvery = probeEvery;
    }

    private final class Line {
        private final AgentId agent;
        private CallId leg;
        private LineState state = LineState.CALLING;
        private VirtualAgentLeg onTop;
        /** Outdial hangs the line up itself: a ring it cuts short is not the phone failing to take the line. */
        private boolean released;
        private ScheduledFuture<?> probes;

        private Line(AgentId agent) {
            this.agent = agent;
        }
    }

    @Override
    public void nailUp(AgentId agent) {
        Optional<Bindings.Binding> phone = bindings.phoneToRing(agent);
        if (phone.isEmpty()) {
            LOG.info("Agent {} has no registered phone: no line", agent.value());
            return;
        }
        Line line = new Line(agent);
        synchronized (line) {
            if (lines.putIfAbsent(agent, line) != null) {
                return;
            }
            tell(agent, LineState.CALLING, Optional.empty());
            line.leg = calls.dialAgent(agent, phone.get(), ANSWER_TIMEOUT, event -> onLineEvent(line, event));
        }
    }

    private void onLineEvent(Line line, CallEvent event) {
        VirtualAgentLeg ended = null;
        CallEvent.HungUp.Cause how = CallEvent.HungUp.Cause.PLATFORM;
        LineState changed = null;
        Optional<CallResult> notTaken = Optional.empty();
        synchronized (line) {
            switch (event) {
                case CallEvent.Answered ignored -> {
                    line.state = LineState.UP;
                    changed = LineState.UP;
                    CallId leg = line.leg;
                    line.probes = calls.timers().scheduleWithFixedDelay(() -> calls.probe(leg), probeEvery.toMillis(),
                            probeEvery.toMillis(), TimeUnit.MILLISECONDS);
                }
                case CallEvent.Failed failed -> {
                    if (!line.released) {
                        // What an operator looks for when an agent says their phone never rang or could not pick up.
                        LOG.info("Agent {}'s phone did not take their line: {}", line.agent.value(), failed.reason());
                        notTaken = Optional.of(failed.reason());
                    }
                    changed = down(line);
                }
                case CallEvent.HungUp hungUp -> {
                    ended = line.onTop;
                    how = hungUp.cause();
                    changed = down(line);
                }
                default -> { }
            }
        }
        if (ended != null) {
            ended.lineEnded(how);
        }
        if (changed != null) {
            tell(line.agent, changed, notTaken);
        }
    }

    private LineState down(Line line) {
        if (line.probes != null) {
            line.probes.cancel(false);
        }
        line.state = LineState.DOWN;
        line.onTop = null;
        lines.remove(line.agent, line);
        return LineState.DOWN;
    }

    @Override
    public void release(AgentId agent) {
        Line line = lines.get(agent);
        if (line != null) {
            CallId leg;
            synchronized (line) {
                line.released = true;
                leg = line.leg;
            }
            calls.leg(leg).ifPresent(Leg::hangUp);
        }
    }

    @Override
    public LineState state(AgentId agent) {
        Line line = lines.get(agent);
        if (line == null) {
            return LineState.DOWN;
        }
        synchronized (line) {
            return line.state;
        }
    }

    @Override
    public void onChange(Listener listener) {
        listeners.add(listener);
    }

    @Override
    public void onCallNotTaken(BiConsumer<AgentId, CallResult> listener) {
        notTakenListeners.add(listener);
    }

    /** The agent's phone did not take a call rung on it apart from their line: the listeners are told. */
    public void callNotTaken(AgentId agent, CallResult how) {
        // What an operator looks for when an agent says their phone never rang.
        LOG.info("Agent {}'s phone did not take a call: {}", agent.value(), how);
        notTakenListeners.forEach(listener -> listener.accept(agent, how));
    }

    /** The media of the agent's line while it is UP: what their phone hears between calls, and on them. */
    public Optional<MediaLeg> media(AgentId agent) {
        Line line = lines.get(agent);
        if (line == null) {
            return Optional.empty();
        }
        synchronized (line) {
            return line.state == LineState.UP ? calls.leg(line.leg).flatMap(Leg::media) : Optional.empty();
        }
    }

    /**
     * A virtual leg answered at once on the agent's line, if the line is UP and free; empty when the
     * agent's phone must be rung instead.
     */
    public Optional<CallId> answerOnLine(AgentId agent, Consumer<CallEvent> listener) {
        Line line = lines.get(agent);
        if (line == null) {
            return Optional.empty();
        }
        synchronized (line) {
            Optional<MediaLeg> media = calls.leg(line.leg).flatMap(Leg::media);
            if (line.state != LineState.UP || line.onTop != null || media.isEmpty()) {
                return Optional.empty();
            }
            VirtualAgentLeg virtual = new VirtualAgentLeg(CallIds.next("agent"), media.get(), calls.events(), listener,
                    leg -> offLine(line, leg));
            line.onTop = virtual;
            calls.add(virtual);
            virtual.answer();
            return Optional.of(virtual.id());
        }
    }

    private void offLine(Line line, VirtualAgentLeg leg) {
        synchronized (line) {
            if (line.onTop == leg) {
                line.onTop = null;
            }
        }
        calls.forget(leg);
    }

    private void tell(AgentId agent, LineState state, Optional<CallResult> notTaken) {
        listeners.forEach(listener -> listener.changed(agent, state, notTaken));
    }
}
