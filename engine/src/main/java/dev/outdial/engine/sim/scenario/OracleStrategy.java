package dev.outdial.engine.sim.scenario;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.pacing.DialStrategy;
import dev.outdial.engine.pacing.Dispatch;
import dev.outdial.engine.pacing.PacingView;
import dev.outdial.engine.port.CallRecord;
import dev.outdial.engine.port.Scheduler;
import dev.outdial.engine.rules.QueuedCustomer;
import dev.outdial.engine.sim.CallFate;
import dev.outdial.engine.sim.CarrierModel;
import dev.outdial.engine.sim.InMemoryCustomerStore;
import dev.outdial.engine.sim.PreDrawnCalls;
import dev.outdial.engine.rules.Recipient;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The benchmark's upper bound, {@code oracle}: it knows every call's fate before placing it (the
 * day's {@link PreDrawnCalls}: who answers, after how long, how long they talk, how long the agent
 * then wraps up), so it places a call that will not be answered at once, and one that will be only
 * when its answer meets an agent free at that moment, agents' free times worked out from the calls
 * they are on. No real dialer knows this much; what it reaches is what pacing could reach at best.
 * It dials the customers in the campaign's own order, as every strategy does.
 */
final class OracleStrategy implements DialStrategy {

    /** Customers looked at per round: a round with more lines than this dials the rest at the next one. */
    private static final int LOOK_AHEAD = 64;

    /** A call placed that a person will answer at {@code answerAt}; the agent who takes it is then busy for {@code busyFor}. */
    private record Coming(Instant answerAt, Duration busyFor) {
    }

    private final Duration maxWait;
    private final Duration ringTimeout;
    private final long campaignId;
    private final PreDrawnCalls fates;
    private final Supplier<CarrierModel> model;
    private final InMemoryCustomerStore customers;
    private final Supplier<Recipient> pool;
    private final Scheduler scheduler;
    private final Runnable wake;
    private final Map<AgentId, Instant> freeAt = new HashMap<>();
    private final Map<String, Coming> coming = new HashMap<>();
    private Scheduler.Cancellable wakeUp = Scheduler.Cancellable.NONE;
    private Instant wakeUpAt = Instant.MIN;

    OracleStrategy(Duration maxWait, Duration ringTimeout, long campaignId, PreDrawnCalls fates,
                   Supplier<CarrierModel> model, InMemoryCustomerStore customers, Supplier<Recipient> pool,
                   Scheduler scheduler, Runnable wake) {
        this.maxWait = maxWait;
        this.ringTimeout = ringTimeout;
        this.campaignId = campaignId;
        this.fates = fates;
        this.model = model;
        this.customers = customers;
        this.pool = pool;
        this.scheduler = scheduler;
        this.wake = wake;
    }

    @Override
    public List<Dispatch> plan(PacingView view) {
        Instant now = view.now();
        PriorityQueue<Instant> agents = agentsFreeAt(view, now);
        coming.values().stream().sorted(Comparator.comparing(Coming::answerAt)).forEach(answer -> {
            Instant agent = agents.poll();
            if (agent != null) {
                agents.add(later(agent, answer.answerAt()).plus(answer.busyFor()));
            }
        });
        CarrierModel current = model.get();
        Duration givesUp = ringTimeout.compareTo(current.noAnswerTimeout()) <= 0 ? ringTimeout : current.noAnswerTimeout();
        int dials = 0;
        for (QueuedCustomer customer : customers.peekNext(campaignId, pool.get(), Math.min(view.freeLines(), LOOK_AHEAD), now)) {
            CallFate fate = fates.peek(customer.phoneNumber(), current);
            if (fate.answeredWithin(givesUp)) {
                Instant answerAt = now.plus(fate.untilAnswer());
                Instant agent = agents.peek();
                if (agent == null) {
                    break;
                }
                if (agent.isAfter(answerAt)) {
                    // Dialed now, they would wait; dialed this much later, they meet the agent as they answer.
                    wakeUpAt(agent.minus(fate.untilAnswer()));
                    break;
                }
                agents.poll();
                Duration busyFor = fate.talk().plus(fate.wrapUp());
                agents.add(answerAt.plus(busyFor));
                coming.put(customer.phoneNumber(), new Coming(answerAt, busyFor));
            }
            dials++;
        }
        return view.poolDials(dials);
    }

    /** When each Available agent is free: now if free, else when their call and wrap-up end; unknown ones not at all. */
    private PriorityQueue<Instant> agentsFreeAt(PacingView view, Instant now) {
        Set<AgentId> free = new HashSet<>(view.freeAgents());
        free.forEach(freeAt::remove);
        PriorityQueue<Instant> agents = new PriorityQueue<>();
        for (AgentId agent : view.availableAgents()) {
            if (free.contains(agent)) {
                agents.add(now);
            } else {
                Optional.ofNullable(freeAt.get(agent)).ifPresent(at -> agents.add(later(at, now)));
            }
        }
        return agents;
    }

    @Override
    public void observe(CallRecord call) {
        String number = call.dialedNumber();
        if (call.isOpen() && call.connectedAt().isPresent()) {
            coming.remove(number);
            fates.lastOf(number).ifPresent(fate -> call.agent().ifPresent(agent ->
                    freeAt.put(agent, call.connectedAt().get().plus(fate.talk()).plus(fate.wrapUp()))));
        } else if (!call.isOpen()) {
            coming.remove(number);
        }
    }

    @Override
    public Optional<Duration> maxWait() {
        return Optional.of(maxWait);
    }

    private void wakeUpAt(Instant when) {
        Instant now = scheduler.now();
        if (wakeUpAt.isAfter(now) && !wakeUpAt.isAfter(when)) {
            return;
        }
        wakeUp.cancel();
        wakeUpAt = when;
        wakeUp = scheduler.at(when, wake);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
