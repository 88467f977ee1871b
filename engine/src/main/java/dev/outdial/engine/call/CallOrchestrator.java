package dev.outdial.engine.call;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CustomerInput;
import dev.outdial.engine.customer.Transition;
import dev.outdial.engine.port.AgentScreen;
import dev.outdial.engine.port.AgentUpdate;
import dev.outdial.engine.port.CallDisposition;
import dev.outdial.engine.port.CallEvent;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.CallLog;
import dev.outdial.engine.port.CallRecord;
import dev.outdial.engine.port.CustomerStore;
import dev.outdial.engine.port.NumberLists;
import dev.outdial.engine.port.Scheduler;
import dev.outdial.engine.port.Telephony;
import dev.outdial.engine.rules.CallingWindow;
import dev.outdial.engine.rules.ConcurrencyLimit;
import dev.outdial.engine.rules.QueuedCustomer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The calls of one campaign from dial to disposition: the dial behind the {@link DialGate}, each
 * call's life as an {@link ActiveCall} driven by telephony events, the technical result into the
 * customer's state machine, the call record at every step, and the agent's disposition on a
 * reached call. What to dial and for whom is the pacing's business, not this class's.
 *
 * <p>Exactly once: a customer is dialed only through the gate, which stores {@code Dialed} (the
 * customer "on a call") before the call is placed, and a call's end is applied once, on the
 * customer leg's one terminal event. A node that crashes mid-call leaves the customer on a call
 * under a lease; whoever expires the lease closes the call as NETWORK_ERROR.
 *
 * <p>What must be durable when (issue 18: a commit costs a WAL flush, and a call had seven). The
 * call's record is opened, under the name the engine gives the call, in the dial's own transaction,
 * before telephony is asked ({@link DialGate}): a call placed at the carrier always has an open
 * record, which counts against the contract on every node and which a restart closes
 * ({@link LapsedClaims}, found by its customer). Telephony places the call under that name, so the record is
 * never renamed: the dial's commit is the call's only one before its end, and a client that read the
 * call's name finds it under that name for good. Its end, with the customer's result, commits before
 * anything acts on it. The steps after the dial (ringing, answered, the agent rung, connected) decide
 * nothing that a crash could get wrong: the engine decides from the call in memory (an answer without
 * a connection ends ABANDONED, connectedAt makes a hang-up SUCCESS, the pacing's abandon budget counts
 * the ended call it is told of), the audit reads the dial and end times and results, the abandon rate
 * of reports and of the live view counts results, and a call a crash left open is closed as
 * NETWORK_ERROR whatever steps its record shows. So they are kept in memory and saved together, every
 * call of the campaign with a step since the last save in one transaction, {@link #STEP_SAVE_DELAY}
 * after the first of them, or with the call's end, which writes the whole record; what a crash loses
 * is at most that long of the record's intermediate times (a crashed call shows fewer of them, and the
 * reports' talk time misses a connection made in its last second). Readers of an open call ask the
 * engine first ({@link #liveRecord}, {@link #liveRecords}: what it knows of each call now, from any
 * thread), then the record: the agent's call panel, the live view's phases and the API see every step
 * as it happens on the node that runs the call.
 */
public final class CallOrchestrator {

    /**
     * How long a call's step may wait in memory to be saved with the others': well under the few
     * seconds a live view takes to poll, and about one commit a second per campaign, however many
     * calls are up.
     */
    public static final Duration STEP_SAVE_DELAY = Duration.ofSeconds(1);

    private final CampaignSettings settings;
    private final Scheduler scheduler;
    private final Telephony telephony;
    private final CallLog log;
    private final AgentScreen screen;
    private final CallObserver observer;
    private final CustomerUpdates updates;
    private final DialGate gate;
    private final Map<CallId, ActiveCall> active = new LinkedHashMap<>();
    private final Map<CallId, CallRecord> awaitingDisposition = new HashMap<>();
    /** Open calls with a step not yet saved, by name; a save of them is due when not empty. */
    private final Map<CallId, ActiveCall> unsavedSteps = new LinkedHashMap<>();
    private boolean stepSaveDue;
    /** Writes to commit with a call's next save, by call ({@link ActiveCall#commitWithNextSave}). */
    private final Map<CallId, List<Runnable>> writesWithNextSave = new HashMap<>();
    /**
     * The open calls' records as they stand now, by name, for readers on other threads (the engine's
     * own maps are its thread's alone). An ending call stays here as it stood before its end until the
     * end has committed: a reader never sees a call ended whose customer's result is not stored yet, nor
     * the record's older steps while the end is being written.
     */
    private final Map<CallId, CallRecord> liveRecords = new ConcurrentHashMap<>();
    private final HotlineChooser hotlines;
    private final NumberLists lists;
    /**
     * Names the calls placed here, for their records, the API and telephony alike: one random UUID
     * per orchestrator, so no other node or life of the server uses it, then a count. A random UUID
     * per dial drew on the secure random source at every dial (a fiftieth of a simulated day).
     */
    private final String callNamePrefix = "call-" + UUID.randomUUID() + "-";
    private long callsNamed;

    public CallOrchestrator(CampaignSettings settings, ConcurrencyLimit businessLimit, Scheduler scheduler,
                            Telephony telephony, CustomerStore store, NumberLists lists, CallLog log,
                            AgentScreen screen, CallObserver observer) {
        this.settings = settings;
        this.scheduler = scheduler;
        this.telephony = telephony;
        this.log = log;
        this.screen = screen;
        this.observer = observer;
        this.updates = new CustomerUpdates(store, settings.campaignId(), settings.rules());
        this.gate = new DialGate(settings, businessLimit, store, updates, lists, log);
        this.hotlines = HotlineChooser.of(settings);
        this.lists = lists;
    }

    /**
     * Dials the claimed customer, for {@code agent} if the call is theirs from the start, connecting
     * the customer on answer as {@code connector} says. {@code queuedAt}: when the customer was taken.
     */
    public DialOutcome dial(long customerId, Optional<AgentId> agent, Connector connector, Instant queuedAt) {
        return place(log.atomically(() -> gate(customerId, agent, connector, queuedAt)));
    }

    /**
     * The dial of {@code claimed}, a customer the caller's open transaction of the log has just claimed
     * (its row locked), decided in that transaction: the claim and the dial's passage commit once
     * instead of twice (issue 18). The gate reads the customer in that transaction, so it sees the claim.
     * {@link #place} what this answers once that transaction has committed, never inside it: a phone must not
     * ring for a dial that could still roll back.
     */
    public GatedDial gateClaimed(QueuedCustomer claimed, Optional<AgentId> agent, Connector connector, Instant queuedAt) {
        return gate(claimed.customerId(), agent, connector, queuedAt);
    }

    /** A dial through the gate, its transaction not yet committed: {@link #place} it once it has. */
    public static final class GatedDial {

        private final DialGate.Passage passage;
        private final Optional<AgentId> agent;
        private final Connector connector;

        private GatedDial(DialGate.Passage passage, Optional<AgentId> agent, Connector connector) {
            this.passage = passage;
            this.agent = agent;
            this.connector = connector;
        }
    }

    private GatedDial gate(long customerId, Optional<AgentId> agent, Connector connector, Instant queuedAt) {
        Instant now = scheduler.now();
        Optional<String> hotline = hotlines.next(now);
        if (hotline.isEmpty()) {
            updates.apply(customerId, new CustomerInput.Released(), now);
            return new GatedDial(new DialGate.Stopped(new DialOutcome.NotPlaced(hotlines.hasAny()
                    ? "every hotline of the campaign failed lately and is skipped for now"
                    : "the campaign has no enabled hotline to dial from")), agent, connector);
        }
        Function<QueuedCustomer, CallRecord> dialing = customer -> CallRecord.dialing(
                new CallId(callNamePrefix + ++callsNamed), settings.businessId(), settings.campaignId(),
                customer.customerId(), customer.phoneNumber(), hotline.get(), agent, queuedAt, now);
        return new GatedDial(gate.pass(customerId, now, dialing), agent, connector);
    }

    /** Places the call {@code dial} let through, once its transaction has committed; or says why it was not. */
    public DialOutcome place(GatedDial dial) {
        return switch (dial.passage) {
            case DialGate.Stopped stopped -> stopped.outcome();
            case DialGate.Passed passed -> place(passed.customer(), passed.opened(), dial.agent, dial.connector);
        };
    }

    /**
     * Auto callback: rings {@code agent} first and dials the claimed customer only once they answer,
     * through the gate as every dial, so the compliance checks are made right before the customer's
     * phone rings. An agent who does not answer within {@code answerTimeout} costs the customer
     * nothing: the customer is given back (first in line again) and {@code notPlaced} says why; so it
     * does when the gate stops the dial after the agent answered. Returns the agent's leg, which
     * hanging up before the agent answers counts as not answered.
     */
    public CallId ringAgentFirst(long customerId, AgentId agent, Duration answerTimeout, Instant queuedAt,
                                 Runnable onPlaced, Consumer<String> notPlaced) {
        ActiveCall[] placed = new ActiveCall[1];
        return telephony.ringAgent(agent, answerTimeout, inOrder(event -> {
            if (placed[0] != null) {
                placed[0].onAgentLeg(agent, event);
                return;
            }
            switch (event) {
                case CallEvent.Answered answered -> {
                    DialOutcome outcome = dial(customerId, Optional.of(agent), new AgentFirst(agent, answerTimeout),
                            queuedAt);
                    if (outcome instanceof DialOutcome.Placed call && active.containsKey(call.call())) {
                        placed[0] = active.get(call.call());
                        placed[0].agentOnLeg(agent, answered.call());
                        onPlaced.run();
                    } else {
                        telephony.hangUp(answered.call());
                        notPlaced.accept(outcome instanceof DialOutcome.Refused refused
                                ? refused.verdict().reason() + ": " + refused.verdict().detail()
                                : "the customer was not dialed");
                    }
                }
                case CallEvent.Failed ignored -> {
                    updates.apply(customerId, new CustomerInput.Released(), now());
                    notPlaced.accept("the agent did not answer");
                }
                default -> { }
            }
        }));
    }

    /** From now on the campaign dials only inside {@code window} (its working hours or their zone changed). */
    public void windowChanged(CallingWindow window) {
        gate.windowChanged(window);
    }

    /** From now on calls go out on {@code hotlines} (they were edited while the campaign runs); calls up finish. */
    public void hotlinesChanged(List<String> hotlines) {
        this.hotlines.replace(hotlines);
    }

    /** Whether the campaign has a hotline to dial from at all (an admin may have disabled every one). */
    public boolean hasHotline() {
        return hotlines.hasAny();
    }

    /** Until when every hotline of the campaign is skipped after failing; empty while one can be used. */
    public Optional<Instant> hotlinesSkippedUntil(Instant now) {
        return hotlines.allSkippedUntil(now);
    }

    /** Ends the leg (the engine gives up on it); harmless once it has ended. */
    public void hangUp(CallId call) {
        telephony.hangUp(call);
    }

    /** The agent hangs up their call from their page, and its record says so; harmless once it has ended. */
    public void hangUpByAgent(CallId call) {
        Optional.ofNullable(active.get(call)).ifPresentOrElse(ActiveCall::hangUpByAgent, () -> hangUp(call));
    }

    /**
     * Applies the agent's word on a reached call to the customer and the call record, in one
     * transaction of the log: one commit instead of two (issue 18), and never a customer moved on
     * by a word its call record does not show.
     */
    public DispositionOutcome dispose(CallId call, CallDisposition disposition) {
        CallRecord ended = awaitingDisposition.get(call);
        if (ended == null) {
            return new DispositionOutcome.Rejected("call " + call.value() + " is not a reached call awaiting a disposition");
        }
        return log.atomically(() -> {
            Optional<Transition> transition = updates.apply(ended.customerId(), disposition.next(), now());
            if (transition.isEmpty()) {
                awaitingDisposition.remove(call);
                return new DispositionOutcome.Rejected("the customer is no longer in the campaign");
            }
            return switch (transition.get()) {
                case Transition.Rejected rejected -> new DispositionOutcome.Rejected(rejected.reason());
                case Transition.Applied applied -> {
                    log.save(ended.disposed(disposition));
                    awaitingDisposition.remove(call);
                    yield new DispositionOutcome.Disposed(applied.state());
                }
            };
        });
    }

    /** Calls of this campaign not yet ended: what its own ceiling counts. */
    public int openCalls() {
        return active.size();
    }

    /**
     * Adds the customers on a call placed here to {@code held}: their leases are this node's to renew.
     * Every lease beat asks, over every call up: a loop, not a stream.
     */
    public void addCustomersOnCallsTo(Set<Long> held) {
        for (ActiveCall call : active.values()) {
            held.add(call.customerId());
        }
    }

    /** The reached call, ended, that waits for its agent's disposition. */
    public Optional<CallRecord> awaitingDisposition(CallId call) {
        return Optional.ofNullable(awaitingDisposition.get(call));
    }

    public Optional<CallRecord> openCall(CallId call) {
        return Optional.ofNullable(active.get(call)).map(ActiveCall::record);
    }

    /**
     * The call's record as the engine knows it now, every step in, saved yet or not; empty once its
     * end is committed (the record has it all then) or when it is not this orchestrator's. Safe from
     * any thread.
     */
    public Optional<CallRecord> liveRecord(CallId call) {
        return Optional.ofNullable(liveRecords.get(call));
    }

    /** {@link #liveRecord} of every call of the campaign up now; a snapshot, safe from any thread. */
    public List<CallRecord> liveRecords() {
        return List.copyOf(liveRecords.values());
    }

    /** Applies an input of the customer's own (release, lease renewal) as one compare-and-set. */
    public Optional<Transition> update(long customerId, CustomerInput input) {
        return updates.apply(customerId, input, now());
    }

    /** {@link #update} of each customer (a lease beat's renewals), in one call of the store. */
    public void updateEach(Collection<Long> customerIds, CustomerInput input) {
        updates.applyEach(customerIds, input, now());
    }

    /** Places the call whose line the gate opened with its record {@code opened}, under the record's name. */
    private DialOutcome place(QueuedCustomer customer, CallRecord opened, Optional<AgentId> agent, Connector connector) {
        CallId id = opened.id();
        ActiveCall call = new ActiveCall(this, opened, connector);
        active.put(id, call);
        liveRecords.put(id, opened);
        try {
            telephony.place(id, opened.hotline(), customer.phoneNumber(), settings.noAnswerTimeout(),
                    settings.answeringMachines().detection(),
                    inOrder(event -> Optional.ofNullable(active.get(event.call())).ifPresent(leg -> leg.onCustomerLeg(event))));
        } catch (RuntimeException notPlaced) {
            active.remove(id);
            liveRecords.remove(id);
            log.cancelLine(id);
            throw notPlaced;
        }
        connector.agentWaiting().ifPresent(waiting -> telephony.agentHearsRinging(id, waiting));
        agent.ifPresent(taker -> screen.show(taker, new AgentUpdate.CallPlaced(settings.campaignId(), id,
                customer.customerId())));
        return new DialOutcome.Placed(id);
    }

    /** Telephony calls back on its own thread; the engine acts on events one at a time, on its scheduler. */
    private Consumer<CallEvent> inOrder(Consumer<CallEvent> handler) {
        return event -> scheduler.at(scheduler.now(), () -> handler.accept(event));
    }

    boolean agentsHaveTheirOwnPhones() {
        return telephony.agentsHaveTheirOwnPhones();
    }

    Duration agentAnswerTimeout() {
        return settings.agentAnswerTimeout();
    }

    CallId ringAgent(ActiveCall call, AgentId agent, Duration answerTimeout) {
        return telephony.ringAgent(agent, answerTimeout, inOrder(event -> call.onAgentLeg(agent, event)));
    }

    void play(CallId call, Telephony.Prompt prompt) {
        telephony.play(call, prompt);
    }

    void playLooped(CallId call, Telephony.Prompt prompt) {
        telephony.playLooped(call, prompt);
    }

    void collectDigits(CallId call, int maxDigits, Duration timeout) {
        telephony.collectDigits(call, maxDigits, timeout);
    }

    void hangUpAfterPrompts(CallId call) {
        telephony.hangUpAfterPrompts(call);
    }

    /** The campaign's message for the answering machine that picked up {@code call}, if it leaves one. */
    Optional<Telephony.Prompt> machineMessage() {
        return settings.answeringMachines().message();
    }

    void leaveMessage(CallId call, Telephony.Prompt message) {
        telephony.leaveMessage(call, message);
    }

    /** A customer answered {@code call}: recorded from now on if the campaign records its calls. */
    void answeredByPerson(CallId call) {
        if (settings.recordsCalls()) {
            telephony.record(call);
        }
    }

    /**
     * Pauses or resumes the recording of {@code call}; whether it is being recorded: a call of this campaign that a
     * person answered and that has not ended, where the campaign records.
     */
    public boolean pauseRecording(CallId call, boolean paused) {
        ActiveCall up = recorded(call);
        if (up == null) {
            return false;
        }
        telephony.pauseRecording(call, paused);
        up.recordingPaused(paused);
        return true;
    }

    /** Where the recording of {@code call} stands; empty where it is not being recorded. */
    public Optional<RecordingState> recording(CallId call) {
        return Optional.ofNullable(recorded(call))
                .map(up -> up.recordingPaused() ? RecordingState.PAUSED : RecordingState.RECORDING);
    }

    /**
     * Puts {@code call} on hold or takes it off hold (the customer hears the hold music, the agent nothing of them);
     * whether it could: a call of this campaign put through to its agent and not ended.
     */
    public boolean hold(CallId call, boolean onHold) {
        ActiveCall up = talking(call);
        if (up == null) {
            return false;
        }
        telephony.hold(call, onHold);
        up.hold(up.hold().byAgent(onHold));
        return true;
    }

    /**
     * The agent's phone put {@code call} on hold with its own Hold button, or took it off (the telephony plays the
     * music already); whether it is a call of this campaign put through to its agent and not ended.
     */
    public boolean phoneHolds(CallId call, boolean held) {
        ActiveCall up = talking(call);
        if (up == null) {
            return false;
        }
        up.hold(up.hold().byPhone(held));
        return true;
    }

    /** Whether {@code call} is on hold, and by what; empty where it is not put through to its agent (or has ended). */
    public Optional<HoldState> hold(CallId call) {
        return Optional.ofNullable(talking(call)).map(ActiveCall::hold);
    }

    private ActiveCall talking(CallId call) {
        ActiveCall up = active.get(call);
        return up != null && up.record().connectedAt().isPresent() && up.record().endedAt().isEmpty() ? up : null;
    }

    /** The call if it is being recorded: a call of this campaign a person answered, not ended, the campaign records. */
    private ActiveCall recorded(CallId call) {
        ActiveCall up = active.get(call);
        return settings.recordsCalls() && up != null && up.record().answeredAt().isPresent() ? up : null;
    }

    void optOut(String number) {
        lists.optOut(settings.businessId(), number);
    }

    void bridge(CallId customerLeg, CallId agentLeg) {
        telephony.bridge(customerLeg, agentLeg);
        settings.predictive().flatMap(CampaignSettings.Predictive::waitingMusic)
                .ifPresent(music -> telephony.holdMusic(customerLeg, music));
    }

    /** The call took a step: it is saved with the others' once {@link #STEP_SAVE_DELAY} passed, or with its end. */
    void stepped(ActiveCall call) {
        liveRecords.put(call.record().id(), call.record());
        unsavedSteps.put(call.record().id(), call);
        if (!stepSaveDue) {
            stepSaveDue = true;
            scheduler.after(STEP_SAVE_DELAY, () -> {
                stepSaveDue = false;
                saveSteps();
            });
        }
    }

    void withNextSave(ActiveCall call, Runnable write) {
        writesWithNextSave.computeIfAbsent(call.record().id(), id -> new ArrayList<>()).add(write);
        stepped(call);
    }

    /**
     * Saves the steps the open calls took since the last save, and the writes that wait for it, in one
     * transaction of the log; harmless when none is due.
     */
    private void saveSteps() {
        if (unsavedSteps.isEmpty()) {
            return;
        }
        List<CallRecord> due = unsavedSteps.values().stream().map(ActiveCall::record).toList();
        log.atomically(() -> {
            due.forEach(log::save);
            writesWithNextSave.values().forEach(writes -> writes.forEach(Runnable::run));
            return null;
        });
        unsavedSteps.clear();
        writesWithNextSave.clear();
    }

    Instant now() {
        return scheduler.now();
    }

    void connected(ActiveCall call) {
        CallRecord record = call.record();
        record.agent().ifPresent(agent -> screen.show(agent, new AgentUpdate.CallConnected(settings.campaignId(),
                record.id(), record.customerId())));
        observer.connected(record);
    }

    /** The call ended: its whole record, with the steps not saved yet, and its customer's result commit together. */
    void ended(ActiveCall call) {
        CallRecord ended = call.record();
        active.remove(ended.id());
        unsavedSteps.remove(ended.id());
        List<Runnable> writes = Optional.ofNullable(writesWithNextSave.remove(ended.id())).orElse(List.of());
        hotlines.ended(ended.hotline(), ended.result().orElseThrow(), now());
        Optional<Transition> transition;
        try {
            transition = log.atomically(() -> {
                Optional<Transition> applied = updates.apply(ended.customerId(),
                        new CustomerInput.CallEnded(ended.result().orElseThrow()), now());
                log.save(ended);
                writes.forEach(Runnable::run);
                return applied;
            });
        } finally {
            liveRecords.remove(ended.id());
        }
        // An autocall customer the IVR alone served has nobody to give a word: the IVR gave it.
        boolean dispositionDue = ended.result().orElseThrow().isReached()
                && transition.map(Transition::isApplied).orElse(false)
                && ended.agent().isPresent() && ended.disposition().isEmpty();
        if (dispositionDue) {
            awaitingDisposition.put(ended.id(), ended);
        }
        ended.agent().ifPresent(agent -> screen.show(agent, new AgentUpdate.CallEnded(settings.campaignId(),
                ended.id(), ended.customerId(), ended.result().orElseThrow(), dispositionDue)));
        observer.ended(ended, dispositionDue);
    }
}
