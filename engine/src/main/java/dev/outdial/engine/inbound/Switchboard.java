package dev.outdial.engine.inbound;

import dev.outdial.engine.call.HoldState;
import dev.outdial.engine.call.RecordingState;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.pacing.AgentDesk;
import dev.outdial.engine.port.CallEnd;
import dev.outdial.engine.port.CallEvent;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.Scheduler;
import dev.outdial.engine.port.Telephony;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A business's inbound queues at work: callers wait in the order they entered; {@link #serve()}
 * rings a free agent who takes the queue for the first caller still waiting, after the business's
 * campaigns have taken the agents they need ({@code BusinessDialer#afterCampaigns}); an agent who
 * does not answer within the timeout goes last for that caller, and the next one rings. Keys follow
 * the queue's {@link QueueRules}; a caller unserved after the maximum wait, or who hangs up first,
 * is a missed call. Agents share the business's {@link AgentDesk} with its campaigns, so nobody is
 * given a customer while a queue call rings or talks to them.
 *
 * <p>Runs on the engine's scheduler, one event at a time, like the campaigns.
 */
public final class Switchboard {

    private final long businessId;
    private final Scheduler scheduler;
    private final Telephony telephony;
    private final AgentDesk desk;
    private final QueueAgents agents;
    private final InboundCallLog log;
    private final Duration agentAnswerTimeout;
    private final Runnable wake;
    private final Map<CallId, Caller> callers = new LinkedHashMap<>();

    public Switchboard(long businessId, Scheduler scheduler, Telephony telephony, AgentDesk desk, QueueAgents agents,
                       InboundCallLog log, Duration agentAnswerTimeout, Runnable wake) {
        this.businessId = businessId;
        this.scheduler = scheduler;
        this.telephony = telephony;
        this.desk = desk;
        this.agents = agents;
        this.log = log;
        this.agentAnswerTimeout = agentAnswerTimeout;
        this.wake = wake;
    }

    /**
     * A caller enters {@code queue}: {@code connect} takes the listener of the caller's leg and
     * answers the leg's id. Returns the call's id.
     */
    public CallId enter(QueueRules queue, String callerNumber, Function<Consumer<CallEvent>, CallId> connect) {
        Caller caller = new Caller(queue);
        // The caller's keys count from the moment the call comes in, before the leg's timers are set.
        Instant entered = now();
        CallId leg = connect.apply(inOrder(caller::onCallerLeg));
        caller.start(InboundCall.entered(leg, businessId, queue.queueId(), callerNumber, entered));
        // Until an agent takes them: a caller who hears nothing thinks the line is dead and hangs up.
        queue.waitingMusic().ifPresent(music -> telephony.playLooped(leg, music));
        callers.put(leg, caller);
        wake.run();
        return leg;
    }

    /** Rings a free agent for each caller still waiting, first come first served. */
    public void serve() {
        Instant now = now();
        for (Caller caller : List.copyOf(callers.values())) {
            caller.letGoOfAgentWhoLeft();
            if (caller.waiting()) {
                pickAgentFor(caller, now).ifPresent(agent -> caller.ring(agent, now));
            }
        }
    }

    /**
     * The agent ends the queue call they talk on (their page's Hang up, where their own phone is out of reach): the
     * caller is hung up, and the agent's leg with them. Whether the agent was talking to a caller.
     */
    public boolean hangUpCallOf(AgentId agent) {
        Optional<Caller> talking = callers.values().stream().filter(caller -> caller.talksTo(agent)).findFirst();
        talking.ifPresent(caller -> caller.hangUp(CallEnd.AGENT_HUNG_UP));
        return talking.isPresent();
    }

    /** Whether {@code agent} talks on the queue call {@code call} now: they took the caller, and the call is up. */
    public boolean talksOn(AgentId agent, CallId call) {
        Caller caller = callers.get(call);
        return caller != null && caller.talksTo(agent);
    }

    /**
     * Pauses or resumes the recording of the queue call {@code call} that {@code agent} talks on (a card number read
     * out); whether it is being recorded: its queue records and the agent has taken the caller.
     */
    public boolean pauseRecording(AgentId agent, CallId call, boolean paused) {
        Optional<Caller> recorded = recorded(agent, call);
        recorded.ifPresent(caller -> {
            telephony.pauseRecording(call, paused);
            caller.recordingPaused = paused;
        });
        return recorded.isPresent();
    }

    /** Where the recording of the queue call {@code agent} talks on stands; empty where it is not being recorded. */
    public Optional<RecordingState> recording(AgentId agent, CallId call) {
        return recorded(agent, call)
                .map(caller -> caller.recordingPaused ? RecordingState.PAUSED : RecordingState.RECORDING);
    }

    /**
     * Puts the queue call {@code agent} talks on on hold (the caller hears the queue's waiting music, or the adapter's
     * tone) or takes it off; whether they talk on it.
     */
    public boolean hold(AgentId agent, CallId call, boolean onHold) {
        if (!talksOn(agent, call)) {
            return false;
        }
        telephony.hold(call, onHold);
        Caller caller = callers.get(call);
        caller.hold = caller.hold.byAgent(onHold);
        return true;
    }

    /**
     * The phone of the agent talking on the queue call {@code call} put it on hold with its own Hold button, or took
     * it off; whether an agent talks on it.
     */
    public boolean phoneHolds(CallId call, boolean held) {
        Caller caller = callers.get(call);
        if (caller == null || caller.taking.filter(caller::talksTo).isEmpty()) {
            return false;
        }
        caller.hold = caller.hold.byPhone(held);
        return true;
    }

    /** Whether the queue call {@code agent} talks on is on hold, and by what; empty where they do not talk on it. */
    public Optional<HoldState> hold(AgentId agent, CallId call) {
        return talksOn(agent, call) ? Optional.of(callers.get(call).hold) : Optional.empty();
    }

    private Optional<Caller> recorded(AgentId agent, CallId call) {
        return talksOn(agent, call) ? Optional.of(callers.get(call)).filter(caller -> caller.queue.recordsCalls())
                : Optional.empty();
    }

    /** Calls in the queues now, in the order they entered. */
    public List<InboundCall> openCalls() {
        return callers.values().stream().map(caller -> caller.record).toList();
    }

    /** The free agent who takes the caller's queue and has been idle longest; one who let it ring goes last. */
    private Optional<AgentId> pickAgentFor(Caller caller, Instant now) {
        return agents.available(caller.queue.queueId()).stream()
                .filter(agent -> desk.isFree(agent, now))
                .min(Comparator.<AgentId, Boolean>comparing(caller.letItRing::contains)
                        .thenComparing(desk::freeSince).thenComparing(AgentId::value));
    }

    private Consumer<CallEvent> inOrder(Consumer<CallEvent> handler) {
        return event -> scheduler.at(scheduler.now(), () -> handler.accept(event));
    }

    private Instant now() {
        return scheduler.now();
    }

    /** One caller's wait, from entering to hanging up. */
    private final class Caller {

        private final QueueRules queue;
        private final Set<AgentId> letItRing = new HashSet<>();
        private InboundCall record;
        private Optional<CallId> agentLeg = Optional.empty();
        /** The agent this caller keeps busy: rung or talking. */
        private Optional<AgentId> taking = Optional.empty();
        private Optional<InboundResult> endedAs = Optional.empty();
        /** Who the caller's leg is being hung up for, once the switchboard asked for it. */
        private Optional<CallEnd> hangingUpFor = Optional.empty();
        private Scheduler.Cancellable maxWait = Scheduler.Cancellable.NONE;
        private boolean recordingPaused;
        private HoldState hold = HoldState.OFF;

        private Caller(QueueRules queue) {
            this.queue = queue;
        }

        private void start(InboundCall entered) {
            save(entered);
            maxWait = scheduler.at(entered.enteredAt().plus(queue.maxWait()), this::waitExceeded);
        }

        private boolean talksTo(AgentId agent) {
            return record.connectedAt().isPresent() && record.endedAt().isEmpty() && taking.filter(agent::equals).isPresent();
        }

        private boolean waiting() {
            return record.phase() == InboundCall.Phase.WAITING && endedAs.isEmpty();
        }

        private void ring(AgentId agent, Instant now) {
            desk.takeInbound(agent, now);
            taking = Optional.of(agent);
            save(record.ringing(agent, now));
            agentLeg = Optional.of(telephony.ringAgent(agent, agentAnswerTimeout, inOrder(this::onAgentLeg)));
        }

        /** The agent rung for this caller is no longer Available for the queue: stop ringing them. */
        private void letGoOfAgentWhoLeft() {
            if (record.phase() == InboundCall.Phase.AGENT_RINGING && taking.isPresent()
                    && !agents.available(queue.queueId()).contains(taking.get())) {
                hangUpAgentLeg();
                save(record.unanswered());
            }
        }

        private void onCallerLeg(CallEvent event) {
            if (record == null || record.endedAt().isPresent()) {
                return;
            }
            switch (event) {
                case CallEvent.DigitsCollected digits -> digits.digits().codePoints()
                        .mapToObj(Character::toString).forEach(this::pressed);
                case CallEvent.HungUp hungUp -> finish(
                        Optional.of(CallEnd.ofCustomersLeg(hungUp.cause(), hangingUpFor)));
                case CallEvent.Failed ignored -> finish(Optional.empty());
                case CallEvent.Ringing ignored -> { }
                case CallEvent.Answered ignored -> { }
            }
        }

        private void pressed(String key) {
            // Once an agent talks to them, the caller's keys are theirs to hear, not the queue's.
            if (record.connectedAt().isPresent() || endedAs.isPresent()) {
                return;
            }
            Instant now = now();
            KeyVerdict verdict = queue.judge(key, Duration.between(record.enteredAt(), now));
            save(record.pressed(new PressedKey(key, now, verdict)));
            if (verdict == KeyVerdict.CALLBACK_REQUESTED) {
                endedAs = Optional.of(InboundResult.CALLBACK_REQUESTED);
                hangUpAgentLeg();
                // The music would loop on and keep the notification from ever playing; the call ends once it is heard.
                telephony.stopPlaying(record.id());
                queue.notification().ifPresent(prompt -> telephony.play(record.id(), prompt));
                hangingUpFor = Optional.of(CallEnd.PLATFORM_HUNG_UP);
                telephony.hangUpAfterPrompts(record.id());
            }
        }

        private void waitExceeded() {
            if (record.connectedAt().isEmpty() && record.endedAt().isEmpty() && endedAs.isEmpty()) {
                endedAs = Optional.of(InboundResult.MISSED_WAIT_EXCEEDED);
                hangUpAgentLeg();
                hangUp(CallEnd.PLATFORM_HUNG_UP);
            }
        }

        private void onAgentLeg(CallEvent event) {
            if (record.endedAt().isPresent() || agentLeg.filter(event.call()::equals).isEmpty()) {
                return;
            }
            switch (event) {
                case CallEvent.Answered ignored -> {
                    maxWait.cancel();
                    telephony.bridge(record.id(), event.call());
                    queue.waitingMusic().ifPresent(music -> telephony.holdMusic(record.id(), music));
                    if (queue.recordsCalls()) {
                        telephony.record(record.id());
                    }
                    save(record.connected(now()));
                }
                case CallEvent.Failed ignored -> {
                    record.agent().ifPresent(letItRing::add);
                    agentLeg = Optional.empty();
                    save(record.unanswered());
                    freeAgent();
                }
                // The agent hung up on the caller, or their phone was lost: the call is over.
                case CallEvent.HungUp hungUp -> hangUp(CallEnd.ofAgentsLeg(hungUp.cause()));
                case CallEvent.Ringing ignored -> { }
                case CallEvent.DigitsCollected ignored -> { }
            }
        }

        private void hangUp(CallEnd forWhom) {
            hangingUpFor = hangingUpFor.or(() -> Optional.of(forWhom));
            telephony.hangUp(record.id());
        }

        private void finish(Optional<CallEnd> how) {
            maxWait.cancel();
            callers.remove(record.id());
            hangUpAgentLeg();
            InboundResult result = endedAs.orElse(record.connectedAt().isPresent()
                    ? InboundResult.ANSWERED : InboundResult.MISSED_CALLER_HUNG_UP);
            save(record.ended(now(), result, how));
            log.ended(record, queue.followUp(result));
        }

        private void hangUpAgentLeg() {
            agentLeg.ifPresent(telephony::hangUp);
            agentLeg = Optional.empty();
            freeAgent();
        }

        private void freeAgent() {
            taking.ifPresent(agent -> {
                desk.releaseInbound(agent, now());
                wake.run();
            });
            taking = Optional.empty();
        }

        private void save(InboundCall updated) {
            record = updated;
            log.save(record);
        }
    }
}
