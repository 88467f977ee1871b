package dev.outdial.engine.sim;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.port.CallEvent;
import dev.outdial.engine.port.CallEvent.HungUp.Cause;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.MachineDetection;
import dev.outdial.engine.port.Scheduler;
import dev.outdial.engine.port.Telephony;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The built-in carrier (ARCHITECTURE §3): customers' phones behave as the {@link CarrierModel} draws
 * or a per-number rule fixes; agents' phones ring until the agent answers on their {@link AgentPhone}.
 *
 * <p>It is the server's default live telephony as well as the simulator's, so it knows time only
 * through the {@link Scheduler} port: on the wall clock live, in virtual time in a simulation.
 * Everything random about a call is drawn when it is placed, or when an IVR waits for a key, so a seed
 * replays the same calls.
 *
 * <p>Live, each business's engine runs on a thread of its own and a leg's timers run where the call
 * was placed: a leg is touched by one thread, but the maps of legs and phones are shared, so they
 * are concurrent, and so is the count that names legs.
 */
public final class SimulatedCarrier implements Telephony {

    private final Scheduler scheduler;
    private volatile CarrierModel model;
    private final CallFates fates;
    private final Random keyDraws;
    private final Map<CallId, Leg> legs = new ConcurrentHashMap<>();
    private final Map<AgentId, AgentPhone> agentPhones = new ConcurrentHashMap<>();
    /** What each answered leg hears now; read by live views and tests from other threads. */
    private final Map<CallId, Prompt> playing = new ConcurrentHashMap<>();
    private final String idPrefix;
    private final AtomicLong placed = new AtomicLong();
    private volatile KeyPresses keyPresses = KeyPresses.none();
    private volatile NumberRules hotlineRules = NumberRules.none();

    public SimulatedCarrier(Scheduler scheduler, CarrierModel model, Random random) {
        this(scheduler, model, random, "sim");
    }

    /**
     * A carrier whose own legs' ids (agents' and inbound callers'; the engine names the calls it
     * places) start with {@code idPrefix}: live, the node's id, so a server started again never names
     * a leg as its previous life did in the call records.
     */
    public SimulatedCarrier(Scheduler scheduler, CarrierModel model, Random random, String idPrefix) {
        this(scheduler, model, (number, current) -> CallFate.draw(current, number, random), random, idPrefix);
    }

    /**
     * A carrier whose calls have the fates {@code fates} gives, such as {@link PreDrawnCalls}; keys
     * pressed in an IVR are drawn from a seed of their own, so they never shift those fates.
     */
    public SimulatedCarrier(Scheduler scheduler, CarrierModel model, CallFates fates, String idPrefix) {
        this(scheduler, model, fates, new Random(idPrefix.hashCode()), idPrefix);
    }

    private SimulatedCarrier(Scheduler scheduler, CarrierModel model, CallFates fates, Random keyDraws, String idPrefix) {
        this.scheduler = scheduler;
        this.model = model;
        this.fates = fates;
        this.keyDraws = keyDraws;
        this.idPrefix = idPrefix;
    }

    /** How calls placed now behave. */
    public CarrierModel model() {
        return model;
    }

    /** From now on, calls placed behave as {@code newModel} says: a day whose answer rate drifts. */
    public void changeModel(CarrierModel newModel) {
        model = newModel;
    }

    /** From now on, answered customers key as {@code keys} says when an IVR waits for a key. */
    public void keyPresses(KeyPresses keys) {
        keyPresses = keys;
    }

    /**
     * From now on, a call going out on a hotline that ends in a rule's suffix gets the rule's outcome,
     * whoever it calls: {@code HOTLINE_ERROR} makes a broken trunk.
     */
    public void hotlineRules(NumberRules rules) {
        hotlineRules = rules;
    }

    /** Plugs in the agent's phone; a leg rung for an agent without one rings until it times out. */
    public void connectPhone(AgentId agent, AgentPhone phone) {
        agentPhones.put(agent, phone);
    }

    public void disconnectPhone(AgentId agent) {
        agentPhones.remove(agent);
    }

    @Override
    public void place(CallId call, String from, String to, Duration ringTimeout, MachineDetection detection,
                      Consumer<CallEvent> listener) {
        Leg leg = new Leg(call, listener);
        if (legs.putIfAbsent(call, leg) != null) {
            throw new IllegalStateException("call " + call.value() + " is placed already");
        }
        CallFate fate = fates.next(to, model);
        // A hotline rule (a failing trunk) decides before the number's own fate.
        CarrierOutcome outcome = hotlineRules.outcomeFor(from).orElse(fate.outcome());
        leg.scriptedKeys = keyPresses.scriptedFor(to).orElse(null);
        Duration signal = fate.signal();
        Duration ringing = fate.ringing();
        Duration talk = fate.talk();
        Duration givesUp = min(ringTimeout, model.noAnswerTimeout());
        Optional<Duration> patience = fate.patience();
        scheduler.after(signal, () -> {
            Optional<CallResult> failure = outcome.failure().filter(result -> result != CallResult.NOANSWER);
            if (failure.isPresent()) {
                end(leg, new CallEvent.Failed(leg.id, failure.get()));
                return;
            }
            ring(leg);
            boolean picksUp = outcome == CarrierOutcome.ANSWER || outcome == CarrierOutcome.MACHINE;
            // The simulated detector is never wrong and takes no time; without one a machine passes for a person.
            boolean toldAMachine = outcome == CarrierOutcome.MACHINE && detection == MachineDetection.ON;
            if (picksUp && ringing.compareTo(givesUp) < 0) {
                leg.timer = scheduler.after(ringing, () -> answer(leg, talk, patience, toldAMachine));
            } else {
                leg.timer = scheduler.after(givesUp, () -> end(leg, new CallEvent.Failed(leg.id, CallResult.NOANSWER)));
            }
        });
    }

    @Override
    public CallId ringAgent(AgentId agent, Duration answerTimeout, Consumer<CallEvent> listener) {
        Leg leg = open("agent-" + agent, listener);
        leg.ringsFor = Optional.of(agent);
        scheduler.after(Duration.ZERO, () -> {
            ring(leg);
            leg.timer = scheduler.after(answerTimeout, () -> end(leg, new CallEvent.Failed(leg.id, CallResult.NOANSWER)));
            Optional.ofNullable(agentPhones.get(agent)).ifPresent(phone -> phone.ringing(leg.id));
        });
        return leg.id;
    }

    /**
     * A caller rings in and is answered by the system at once (the queue): they press {@code keys}
     * as told, each reported as {@link CallEvent.DigitsCollected}, and hang up after
     * {@code hangUpAfter} if given; once bridged to an agent they talk for the model's talk time.
     */
    public CallId receive(String from, List<CallerKeyPress> keys, Optional<Duration> hangUpAfter,
                          Consumer<CallEvent> listener) {
        Leg leg = open("inbound", listener);
        leg.state = LegState.ANSWERED;
        // The caller's talk time is drawn like any call's, so a seed replays inbound calls too.
        leg.talk = fates.next(from, model).talk();
        for (CallerKeyPress press : keys) {
            scheduler.after(press.after(), () -> {
                if (legs.get(leg.id) == leg) {
                    leg.listener.accept(new CallEvent.DigitsCollected(leg.id, press.key()));
                }
            });
        }
        hangUpAfter.ifPresent(after -> scheduler.after(after,
                () -> end(leg, new CallEvent.HungUp(leg.id, Cause.FAR_END))));
        return leg.id;
    }

    /** The agent picks up their ringing leg; answering a leg that is not ringing is harmless. */
    public void answer(CallId agentLeg) {
        Leg leg = legs.get(agentLeg);
        if (leg != null && leg.state == LegState.RINGING) {
            leg.timer.cancel();
            leg.state = LegState.ANSWERED;
            leg.listener.accept(new CallEvent.Answered(leg.id, false));
        }
    }

    /** The called party (an agent on their phone) hangs up an answered leg. */
    public void hangUpByCalledParty(CallId call) {
        Leg leg = legs.get(call);
        if (leg != null && leg.state == LegState.ANSWERED) {
            end(leg, new CallEvent.HungUp(call, Cause.FAR_END));
        }
    }

    @Override
    public void bridge(CallId customerLeg, CallId agentLeg) {
        // Simulated voices need no media path; but the conversation starts now, so the customer talks
        // for their talk time from here, not from their answer, and no longer runs out of patience.
        Leg leg = legs.get(customerLeg);
        if (leg != null && leg.state == LegState.ANSWERED && !leg.bridged) {
            leg.bridged = true;
            playing.remove(customerLeg);
            leg.timer.cancel();
            leg.timer = scheduler.after(leg.talk, () -> end(leg, new CallEvent.HungUp(leg.id, Cause.FAR_END)));
        }
    }

    @Override
    public void play(CallId call, Prompt prompt) {
        // Nobody listens in a simulation, but what a leg would hear is noted for whoever looks.
        Leg leg = legs.get(call);
        if (leg != null && leg.state == LegState.ANSWERED) {
            playing.put(call, prompt);
        }
    }

    /** The prompt the answered leg hears now (waiting music until an agent is bridged in), if any. */
    public Optional<Prompt> playingOn(CallId call) {
        return Optional.ofNullable(playing.get(call));
    }

    /**
     * The customer keys as {@link KeyPresses} says: their rule's next key, or one drawn, after the
     * key delay; nothing, or a key later than {@code timeout}, and the collection times out empty.
     */
    @Override
    public void collectDigits(CallId call, int maxDigits, Duration timeout) {
        Leg leg = legs.get(call);
        if (leg == null || leg.state != LegState.ANSWERED) {
            return;
        }
        Optional<String> key = leg.scriptedKeys != null ? Optional.ofNullable(leg.scriptedKeys.poll())
                : keyPresses.draw(keyDraws);
        Duration delay = keyPresses.delay().sample(keyDraws);
        boolean inTime = key.isPresent() && delay.compareTo(timeout) < 0;
        scheduler.after(inTime ? delay : timeout, () -> {
            if (legs.get(call) == leg && leg.state == LegState.ANSWERED) {
                leg.listener.accept(new CallEvent.DigitsCollected(call, inTime ? key.get() : ""));
            }
        });
    }

    @Override
    public void hangUp(CallId call) {
        Leg leg = legs.get(call);
        if (leg == null) {
            return;
        }
        // Telephony's contract: a leg the engine ends still gets its one terminal event.
        end(leg, leg.state == LegState.ANSWERED ? new CallEvent.HungUp(call, Cause.PLATFORM)
                : new CallEvent.Failed(call, CallResult.NOANSWER));
    }

    /** Whether the leg rings now, not yet answered, timed out or hung up. */
    public boolean isRinging(CallId leg) {
        return Optional.ofNullable(legs.get(leg)).filter(ringing -> ringing.state == LegState.RINGING).isPresent();
    }

    /** Legs not yet ended, for a live view and for tests. */
    public int openLegs() {
        return legs.size();
    }

    private Leg open(String kind, Consumer<CallEvent> listener) {
        Leg leg = new Leg(new CallId(idPrefix + "-" + kind + "-" + placed.incrementAndGet()), listener);
        legs.put(leg.id, leg);
        return leg;
    }

    private void ring(Leg leg) {
        if (leg.state == LegState.DIALING) {
            leg.state = LegState.RINGING;
            leg.listener.accept(new CallEvent.Ringing(leg.id));
        }
    }

    private void answer(Leg leg, Duration talk, Optional<Duration> patience, boolean byMachine) {
        if (leg.state != LegState.RINGING) {
            return;
        }
        leg.state = LegState.ANSWERED;
        leg.talk = talk;
        // Until an agent is bridged in, the customer hangs up after their patience if they have one,
        // else after their talk time (an agent on the line from the start: manual, preview).
        Duration onTheLine = patience.filter(wait -> wait.compareTo(talk) < 0).orElse(talk);
        leg.timer = scheduler.after(onTheLine, () -> end(leg, new CallEvent.HungUp(leg.id, Cause.FAR_END)));
        leg.listener.accept(new CallEvent.Answered(leg.id, byMachine));
    }

    private void end(Leg leg, CallEvent terminal) {
        if (legs.remove(leg.id) == null) {
            return;
        }
        leg.timer.cancel();
        boolean wasRinging = leg.state == LegState.RINGING;
        leg.state = LegState.ENDED;
        if (wasRinging) {
            // The agent's page stops showing a phone that no longer rings.
            leg.ringsFor.map(agentPhones::get).ifPresent(phone -> phone.stoppedRinging(leg.id));
        }
        playing.remove(leg.id);
        leg.listener.accept(terminal);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private enum LegState { DIALING, RINGING, ANSWERED, ENDED }

    private static final class Leg {

        private final CallId id;
        private final Consumer<CallEvent> listener;
        private LegState state = LegState.DIALING;
        private Scheduler.Cancellable timer = Scheduler.Cancellable.NONE;
        private Duration talk = Duration.ZERO;
        private boolean bridged;
        private Optional<AgentId> ringsFor = Optional.empty();
        private Deque<String> scriptedKeys;

        private Leg(CallId id, Consumer<CallEvent> listener) {
            this.id = id;
            this.listener = listener;
        }
    }
}
