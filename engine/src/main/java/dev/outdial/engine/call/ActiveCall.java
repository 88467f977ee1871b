package dev.outdial.engine.call;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.port.CallEvent;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.customer.CustomerInput;
import dev.outdial.engine.port.CallDisposition;
import dev.outdial.engine.port.CallEnd;
import dev.outdial.engine.port.CallRecord;
import dev.outdial.engine.port.Telephony;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One call's life from dial to hang-up, driven by telephony events on its customer leg and, once
 * an agent is rung, on the agent's leg. It keeps the call record up to date at each step and, when
 * the customer leg ends, settles the technical result (SPEC §4.4):
 * connected → SUCCESS; answered by a machine → MACHINE; answered but the agent's leg timed out →
 * AGENT_TIMEOUT; answered, then the customer hung up before any agent → ABANDONED; never answered →
 * what the network said (NOANSWER, BUSY, …). An answered call's record also says who ended it ({@link CallEnd}): the
 * platform, when the leg ends as the engine asked, for the reason it asked.
 */
public final class ActiveCall {

    private final CallOrchestrator orchestrator;
    private final Connector connector;
    private CallRecord record;
    /**
     * The record's customer, which no step changes, kept apart from the record: a lease beat asks every
     * call up for it, and the record, written anew at each step, is seldom still in the cache then.
     */
    private final long customerId;
    private Optional<CallId> agentLeg = Optional.empty();
    private Optional<CallResult> endedAs = Optional.empty();
    /** Who the customer's leg is being hung up for, once the engine asked for it. */
    private Optional<CallEnd> hangingUpFor = Optional.empty();
    private Optional<Runnable> onOfferUnanswered = Optional.empty();
    private Optional<Consumer<String>> onKeys = Optional.empty();
    private Optional<String> ivrResult = Optional.empty();
    private boolean recordingPaused;
    private HoldState hold = HoldState.OFF;

    ActiveCall(CallOrchestrator orchestrator, CallRecord record, Connector connector) {
        this.orchestrator = orchestrator;
        this.record = record;
        this.customerId = record.customerId();
        this.connector = connector;
    }

    public CallRecord record() {
        return record;
    }

    public long customerId() {
        return customerId;
    }

    boolean recordingPaused() {
        return recordingPaused;
    }

    void recordingPaused(boolean paused) {
        recordingPaused = paused;
    }

    HoldState hold() {
        return hold;
    }

    void hold(HoldState now) {
        hold = now;
    }

    /** Rings {@code agent}'s leg for the answered customer; bridged when the agent answers. */
    public void ringAgent(AgentId agent, Duration answerTimeout) {
        agentLeg = Optional.of(orchestrator.ringAgent(this, agent, answerTimeout));
        save(record.assignedTo(agent));
    }

    /**
     * Predictive: offers the waiting customer to {@code agent} for {@code answerTimeout}. Unlike
     * {@link #ringAgent}, an unanswered offer does not end the call: the customer keeps waiting
     * ("offered 30 s, then the next") and {@code unanswered} runs so the next agent can be found.
     */
    public void offerTo(AgentId agent, Duration answerTimeout, Runnable unanswered) {
        onOfferUnanswered = Optional.of(unanswered);
        ringAgent(agent, answerTimeout);
    }

    /**
     * {@code write} commits with the call's next save, its steps' or its end's, whichever comes first:
     * not in a transaction of its own (issue 18). What a crash before that save loses, it loses.
     */
    public void commitWithNextSave(Runnable write) {
        orchestrator.withNextSave(this, write);
    }

    /** Plays {@code prompt} on the customer's leg: an IVR's prompt. */
    public void play(Telephony.Prompt prompt) {
        orchestrator.play(record.id(), prompt);
    }

    /** Plays {@code prompt} on the customer's leg until an agent is bridged in: waiting music. */
    public void playLooped(Telephony.Prompt prompt) {
        orchestrator.playLooped(record.id(), prompt);
    }

    /**
     * The agent who placed the call (manual, preview) takes the answered customer. Where their page is their phone
     * they are on the call already and are connected at once; on a phone of their own, their phone is rung and
     * bridged like any agent's (through their nailed-up line at once, when they keep one), AGENT_TIMEOUT if it is
     * not answered.
     */
    public void connectAgentOnTheLine(AgentId agent) {
        if (orchestrator.agentsHaveTheirOwnPhones()) {
            ringAgent(agent, orchestrator.agentAnswerTimeout());
        } else {
            connect(agent);
        }
    }

    /** Auto callback: the agent answered their leg before the customer was dialed; the call is theirs. */
    void agentOnLeg(AgentId agent, CallId leg) {
        agentLeg = Optional.of(leg);
        save(record.assignedTo(agent));
    }

    /** Auto callback: the customer answered; the agent is waiting on their own leg, so bridge the two. */
    public void bridgeAgentOnTheLine(AgentId agent) {
        agentLeg.ifPresent(leg -> orchestrator.bridge(record.id(), leg));
        connect(agent);
    }

    /**
     * Ends the call with {@code result} unless it ends connected (then it is SUCCESS), or an IVR set
     * the customer's result already (then it stays SUCCESS with that result).
     */
    public void end(CallResult result) {
        endedAs = Optional.of(endedAs.filter(CallResult::isReached).orElse(result));
        hangUp(CallEnd.PLATFORM_HUNG_UP);
    }

    /** The agent hangs the call up from their page. */
    public void hangUpByAgent() {
        hangUp(CallEnd.AGENT_HUNG_UP);
    }

    private void hangUp(CallEnd forWhom) {
        hangingUpFor = hangingUpFor.or(() -> Optional.of(forWhom));
        orchestrator.hangUp(record.id());
    }

    /** IVR: waits up to {@code timeout} for one key; {@code then} gets it, or "" when the caller keyed nothing. */
    public void collectKey(Duration timeout, Consumer<String> then) {
        onKeys = Optional.of(then);
        orchestrator.collectDigits(record.id(), 1, timeout);
    }

    /**
     * IVR: the customer's result is {@code classification}: the customer was reached, however the call
     * ends from now on (hung up, no agent free), unless an agent takes the call and classifies it.
     */
    public void reachedWith(String classification) {
        ivrResult = Optional.of(classification);
        endedAs = Optional.of(CallResult.SUCCESS);
    }

    /** IVR: it ran to its end; the call hangs up once its last prompts played, the customer reached. */
    public void finishReached() {
        endedAs = Optional.of(CallResult.SUCCESS);
        hangingUpFor = Optional.of(CallEnd.PLATFORM_HUNG_UP);
        orchestrator.hangUpAfterPrompts(record.id());
    }

    /** IVR: the customer opted out: their number goes on the business's blacklist. */
    public void optOut() {
        orchestrator.optOut(record.dialedNumber());
    }

    void onCustomerLeg(CallEvent event) {
        switch (event) {
            case CallEvent.Ringing ignored -> save(record.ringing(orchestrator.now()));
            case CallEvent.Answered answered when answered.byMachine() -> {
                save(record.answered(orchestrator.now()));
                Optional<Telephony.Prompt> message = orchestrator.machineMessage();
                if (message.isPresent()) {
                    // The leg ends once the message has played: the call is MACHINE however it ends.
                    endedAs = Optional.of(CallResult.MACHINE);
                    hangingUpFor = Optional.of(CallEnd.PLATFORM_HUNG_UP);
                    orchestrator.leaveMessage(record.id(), message.get());
                } else {
                    end(CallResult.MACHINE);
                }
            }
            case CallEvent.Answered ignored -> {
                save(record.answered(orchestrator.now()));
                orchestrator.answeredByPerson(record.id());
                connector.customerAnswered(this);
            }
            case CallEvent.Failed failed -> {
                // Only an agent called first (auto callback) is on a leg while the customer never answered.
                agentLeg.ifPresent(orchestrator::hangUp);
                finish(endedAs.orElse(failed.reason()), Optional.empty());
            }
            case CallEvent.HungUp hungUp -> {
                agentLeg.ifPresent(orchestrator::hangUp);
                CallResult result = record.connectedAt().isPresent() ? CallResult.SUCCESS
                        : endedAs.orElse(CallResult.ABANDONED);
                finish(result, Optional.of(CallEnd.ofCustomersLeg(hungUp.cause(), hangingUpFor)));
            }
            case CallEvent.DigitsCollected digits -> onKeys.ifPresent(then -> {
                onKeys = Optional.empty();
                then.accept(digits.digits());
            });
        }
    }

    void onAgentLeg(AgentId agent, CallEvent event) {
        if (record.endedAt().isPresent()) {
            return;
        }
        switch (event) {
            case CallEvent.Answered ignored -> {
                orchestrator.bridge(record.id(), event.call());
                connect(agent);
            }
            case CallEvent.Failed ignored when onOfferUnanswered.isPresent() -> {
                Runnable unanswered = onOfferUnanswered.get();
                onOfferUnanswered = Optional.empty();
                agentLeg = Optional.empty();
                save(record.unassigned());
                unanswered.run();
            }
            case CallEvent.Failed ignored -> end(CallResult.AGENT_TIMEOUT);
            // The agent hung up on the customer, or their phone was lost: the call is over for both.
            case CallEvent.HungUp hungUp -> hangUp(CallEnd.ofAgentsLeg(hungUp.cause()));
            case CallEvent.Ringing ignored -> { }
            case CallEvent.DigitsCollected ignored -> { }
        }
    }

    private void connect(AgentId agent) {
        save(record.connected(agent, orchestrator.now()));
        orchestrator.connected(this);
    }

    private void finish(CallResult result, Optional<CallEnd> how) {
        Instant now = orchestrator.now();
        record = how.filter(someone -> record.answeredAt().isPresent())
                .map(someone -> record.hungUp(now, result, someone)).orElseGet(() -> record.ended(now, result));
        if (ivrResult.isPresent() && result.isReached() && record.connectedAt().isEmpty()) {
            // Nobody else gives a word on this call: the IVR's result is the customer's classification.
            record = record.disposed(new CallDisposition(ivrResult.get(), new CustomerInput.Done(), Map.of()));
        }
        orchestrator.ended(this);
    }

    /**
     * The call's step is kept here at once (the engine decides on it from memory) and saved with the
     * next save of the orchestrator's steps, or with the call's end, whichever comes first; readers
     * see it at once ({@link CallOrchestrator#liveRecord}).
     */
    private void save(CallRecord updated) {
        record = updated;
        orchestrator.stepped(this);
    }
}
