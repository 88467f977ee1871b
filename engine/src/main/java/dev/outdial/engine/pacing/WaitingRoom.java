package dev.outdial.engine.pacing;

import dev.outdial.engine.call.ActiveCall;
import dev.outdial.engine.call.Connector;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.port.Scheduler;
import dev.outdial.engine.port.Telephony;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Predictive (SPEC §5): "answered customers wait (music) for the first free agent (offered 30 s,
 * then the next); a customer unserved after the maximum wait is hung up and counted abandoned".
 * It is the {@link Connector} of pool dials: the answer puts the customer in line, first come first
 * served, and the campaign's pacing round hands the line to its free agents, longest idle first.
 */
final class WaitingRoom implements Connector {

    private final Scheduler scheduler;
    private final Duration maxWait;
    private final Duration agentAnswerTimeout;
    private final Optional<Telephony.Prompt> music;
    private final Runnable wake;
    private final Deque<ActiveCall> line = new ArrayDeque<>();
    private final Set<ActiveCall> offered = new HashSet<>();

    /** @param wake asks for a pacing round: a customer came in line, or an offer went unanswered */
    WaitingRoom(Scheduler scheduler, Duration maxWait, Duration agentAnswerTimeout, Runnable wake) {
        this(scheduler, maxWait, agentAnswerTimeout, Optional.empty(), wake);
    }

    /** @param music played on the customer's leg while they wait ("answered customers wait (music)") */
    WaitingRoom(Scheduler scheduler, Duration maxWait, Duration agentAnswerTimeout, Optional<Telephony.Prompt> music,
                Runnable wake) {
        this.scheduler = scheduler;
        this.maxWait = maxWait;
        this.agentAnswerTimeout = agentAnswerTimeout;
        this.music = music;
        this.wake = wake;
    }

    @Override
    public void customerAnswered(ActiveCall call) {
        line.addLast(call);
        music.ifPresent(call::playLooped);
        // The clock runs from the answer, whatever offers come in between: the customer's wait is what counts.
        scheduler.after(maxWait, () -> {
            if (call.record().isOpen() && call.record().connectedAt().isEmpty()) {
                call.end(CallResult.ABANDONED);
            }
        });
        wake.run();
    }

    /**
     * Offers the customers in line to {@code freeAgents} (longest idle first), one each, and returns
     * the agents taken; {@code hold} marks an agent busy and {@code release} gives back one whose
     * offer went unanswered.
     */
    List<AgentId> serve(List<AgentId> freeAgents, BiConsumer<AgentId, ActiveCall> hold, Consumer<AgentId> release) {
        dropEnded();
        Iterator<AgentId> agents = freeAgents.iterator();
        List<AgentId> taken = new ArrayList<>();
        while (!line.isEmpty() && agents.hasNext()) {
            ActiveCall call = line.pollFirst();
            AgentId agent = agents.next();
            hold.accept(agent, call);
            taken.add(agent);
            offered.add(call);
            call.offerTo(agent, agentAnswerTimeout, () -> {
                offered.remove(call);
                release.accept(agent);
                // Back to the head of the line: they have waited longest.
                line.addFirst(call);
                wake.run();
            });
        }
        return taken;
    }

    /** Whether anyone is in line for an agent, so a pacing round need not rank its free agents for nobody. */
    boolean hasCustomersInLine() {
        dropEnded();
        return !line.isEmpty();
    }

    /** Customers answered and not yet talking to an agent: in line, or being offered. */
    int waiting() {
        dropEnded();
        return line.size() + offered.size();
    }

    private void dropEnded() {
        line.removeIf(call -> !call.record().isOpen());
        // An offer is settled once the agent answered or the customer's call ended.
        offered.removeIf(call -> !call.record().isOpen() || call.record().connectedAt().isPresent());
    }
}
