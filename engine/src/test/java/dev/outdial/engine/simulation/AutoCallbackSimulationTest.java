package dev.outdial.engine.simulation;

import static dev.outdial.engine.fixtures.CampaignSettingsBuilder.anAutoCallbackCampaign;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.call.HoldState;
import dev.outdial.engine.call.RecordingState;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.customer.CustomerStatus;
import dev.outdial.engine.inbound.FollowUp;
import dev.outdial.engine.inbound.InboundCall;
import dev.outdial.engine.inbound.InboundResult;
import dev.outdial.engine.inbound.KeyVerdict;
import dev.outdial.engine.inbound.PressedKey;
import dev.outdial.engine.inbound.QueueRules;
import dev.outdial.engine.inbound.Switchboard;
import dev.outdial.engine.port.CallEnd;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.CallRecord;
import dev.outdial.engine.port.ForwardingTelephony;
import dev.outdial.engine.port.Telephony;
import dev.outdial.engine.sim.CallerKeyPress;
import dev.outdial.engine.sim.CarrierModel;
import dev.outdial.engine.sim.CarrierOutcome;
import dev.outdial.engine.sim.InMemoryInboundCallLog;
import dev.outdial.engine.sim.NumberRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Auto callback and the inbound queue in virtual time, on the simulated carrier where numbers
 * ending in 3 answer and those ending in 2 never do; agents are people whose phones the test answers.
 */
class AutoCallbackSimulationTest {

    private static final Instant NINE = Instant.parse("2025-03-03T09:00:00Z");
    private static final long CAMPAIGN = 1;
    private static final long QUEUE = 5;
    private static final QueueRules QUEUE_RULES = new QueueRules(QUEUE, "1", Duration.ofSeconds(20),
            Duration.ofSeconds(60), true, Optional.empty(), Optional.empty(), false);

    private Simulation sim;
    private InMemoryInboundCallLog inbound;
    private Switchboard switchboard;
    private final Set<AgentId> queueAgents = new HashSet<>();
    /** Legs rung for each agent, in order, and when. */
    private final Map<AgentId, List<CallId>> rung = new HashMap<>();
    private final Map<CallId, Instant> rungAt = new HashMap<>();

    @BeforeEach
    void aBusinessWithAnAutoCallbackCampaignAndAQueue() {
        sim = new Simulation(11, CarrierModel.typical().withRules(new NumberRules(Map.of(
                "3", CarrierOutcome.ANSWER, "2", CarrierOutcome.NOANSWER))), 10);
        sim.campaign(anAutoCallbackCampaign(CAMPAIGN).maxCalls(1).wrapUp(Duration.ZERO).build()).start();
        inbound = new InMemoryInboundCallLog();
        switchboard = new Switchboard(1, sim.scheduler, sim.carrier, sim.dialer.desk(),
                queue -> Set.copyOf(queueAgents), inbound, Duration.ofSeconds(30), sim.dialer::wake);
        sim.dialer.afterCampaigns(switchboard::serve);
        sim.runUntil(NINE);
    }

    /** An agent whose phone the test answers; Available, with the campaign's screen open if {@code screenOpen}. */
    private AgentId agent(String name, boolean screenOpen) {
        AgentId agent = AgentId.of(name);
        sim.carrier.connectPhone(agent, leg -> {
            rung.computeIfAbsent(agent, ignored -> new ArrayList<>()).add(leg);
            rungAt.put(leg, sim.scheduler.now());
        });
        queueAgents.add(agent);
        if (screenOpen) {
            sim.person(name, CAMPAIGN);
        } else {
            sim.agents.setAvailable(agent, true);
            sim.dialer.agentPresenceChanged(agent);
        }
        return agent;
    }

    private List<CallId> legsOf(AgentId agent) {
        return rung.getOrDefault(agent, List.of());
    }

    private CallId caller(String number, List<CallerKeyPress> keys) {
        return caller(number, keys, Optional.empty());
    }

    private CallId caller(String number, List<CallerKeyPress> keys, Optional<Duration> hangingUpAfter) {
        CallId[] id = new CallId[1];
        sim.scheduler.at(sim.scheduler.now(), () -> id[0] = switchboard.enter(QUEUE_RULES, number,
                listener -> sim.carrier.receive(number, keys, hangingUpAfter, listener)));
        sim.runFor(Duration.ZERO);
        return id[0];
    }

    private static CallerKeyPress key(int afterSeconds, String key) {
        return new CallerKeyPress(Duration.ofSeconds(afterSeconds), key);
    }

    @Test
    void theAgentIsRungBeforeTheCustomerIsDialed() {
        AgentId alice = agent("alice", true);
        long customer = sim.customer(CAMPAIGN, "+84900000003");
        sim.dialer.wake();
        sim.runFor(Duration.ofSeconds(5));

        assertThat(legsOf(alice)).as("alice's phone rings").hasSize(1);
        assertThat(sim.callsTo(customer)).as("no call to the customer before alice answers").isEmpty();

        Instant answeredAt = sim.scheduler.now();
        sim.carrier.answer(legsOf(alice).getFirst());
        sim.runFor(Duration.ofSeconds(30));

        CallRecord call = sim.callsTo(customer).getFirst();
        assertThat(call.dialingAt()).isAfterOrEqualTo(answeredAt).isAfter(rungAt.get(legsOf(alice).getFirst()));
        assertThat(call.agent()).contains(alice);
        assertThat(call.connectedAt()).isPresent();
    }

    @Test
    void theAgentCalledFirstHearsTheCustomerRingOnTheLegTheyAnswered() {
        RingingHeard[] carrier = new RingingHeard[1];
        Simulation heard = new Simulation(11, CarrierModel.typical().withRules(new NumberRules(Map.of(
                "3", CarrierOutcome.ANSWER))), 10, simulated -> carrier[0] = new RingingHeard(simulated));
        heard.campaign(anAutoCallbackCampaign(CAMPAIGN).maxCalls(1).build()).start();
        AgentId alice = AgentId.of("alice");
        heard.carrier.connectPhone(alice, leg -> heard.carrier.answer(leg));
        heard.person("alice", CAMPAIGN);
        long customer = heard.customer(CAMPAIGN, "+84900000003");

        heard.runUntil(NINE.plusSeconds(30));

        CallRecord call = heard.callsTo(customer).getFirst();
        assertThat(call.connectedAt()).isPresent();
        assertThat(carrier[0].told).containsExactly("alice's phone rung", "alice hears " + call.id().value() + " ring");
    }

    @Test
    void customersAreCalledBackFirstInFirstOut() {
        AgentId alice = agent("alice", true);
        List<Long> customers = List.of(sim.customer(CAMPAIGN, "+84900000012"), sim.customer(CAMPAIGN, "+84900000022"),
                sim.customer(CAMPAIGN, "+84900000032"));
        sim.dialer.wake();
        for (int i = 0; i < customers.size(); i++) {
            sim.runFor(Duration.ofSeconds(1));
            sim.carrier.answer(legsOf(alice).getLast());
            sim.runFor(Duration.ofMinutes(2));
        }

        List<Long> calledInOrder = sim.calls.calls().stream().map(CallRecord::customerId).toList();
        assertThat(calledInOrder).containsExactlyElementsOf(customers);
        assertThat(sim.calls.calls()).allSatisfy(call -> assertThat(call.result()).contains(CallResult.NOANSWER));
    }

    @Test
    void anAgentWhoDoesNotAnswerGivesTheCustomerToTheNextAgent() {
        AgentId alice = agent("alice", true);
        long customer = sim.customer(CAMPAIGN, "+84900000003");
        sim.dialer.wake();
        sim.runFor(Duration.ofSeconds(1));
        AgentId bob = agent("bob", true);

        sim.runFor(Duration.ofSeconds(31));

        assertThat(sim.callsTo(customer)).as("nothing dialed for an agent who did not answer").isEmpty();
        assertThat(sim.state(CAMPAIGN, customer).status()).isEqualTo(CustomerStatus.IN_PROGRESS);
        assertThat(legsOf(bob)).as("bob rung next").hasSize(1);
        sim.carrier.answer(legsOf(bob).getFirst());
        sim.runFor(Duration.ofSeconds(20));
        assertThat(sim.callsTo(customer)).singleElement().satisfies(call -> assertThat(call.agent()).contains(bob));
        assertThat(legsOf(alice)).hasSize(1);
    }

    @Test
    void anInvalidKeyAndAnEarlyCallbackKeyLeaveTheCallerWaitingAKeyInTheWindowEndsTheCall() {
        CallId call = caller("+84911111111", List.of(key(3, "5"), key(10, "1"), key(25, "1")));

        sim.runFor(Duration.ofSeconds(15));
        assertThat(inbound.call(call).phase()).isEqualTo(InboundCall.Phase.WAITING);
        sim.runFor(Duration.ofSeconds(15));

        InboundCall ended = inbound.call(call);
        assertThat(ended.keys()).extracting(PressedKey::verdict).containsExactly(KeyVerdict.STAYS_IN_QUEUE,
                KeyVerdict.TOO_EARLY, KeyVerdict.CALLBACK_REQUESTED);
        assertThat(ended.result()).contains(InboundResult.CALLBACK_REQUESTED);
        assertThat(ended.howEnded()).as("hung up once the notification played").contains(CallEnd.PLATFORM_HUNG_UP);
        assertThat(Duration.between(ended.enteredAt(), ended.endedAt().orElseThrow())).isEqualTo(Duration.ofSeconds(25));
        assertThat(inbound.tickets()).singleElement().satisfies(ticket -> {
            assertThat(ticket.kind()).isEqualTo(FollowUp.CALLBACK);
            assertThat(ticket.callerNumber()).isEqualTo("+84911111111");
        });
    }

    @Test
    void aCallerNobodyTakesWithinTheMaximumWaitIsAMissedCall() {
        CallId call = caller("+84911111112", List.of(key(3, "9")));

        sim.runFor(Duration.ofSeconds(61));

        assertThat(inbound.call(call).result()).contains(InboundResult.MISSED_WAIT_EXCEEDED);
        assertThat(inbound.call(call).howEnded()).contains(CallEnd.PLATFORM_HUNG_UP);
        assertThat(inbound.tickets()).extracting(InMemoryInboundCallLog.Ticket::kind).containsExactly(FollowUp.MISSED_CALL);
    }

    @Test
    void aCallerHearsTheWaitingMusicThenOnTheirRequestOnlyTheNotificationBeforeTheCallEnds() {
        Telephony.Prompt music = new Telephony.Prompt.AudioFile("audio:music");
        Telephony.Prompt notification = new Telephony.Prompt.AudioFile("audio:notification");
        QueueRules withAudio = new QueueRules(QUEUE, "1", Duration.ZERO, Duration.ofSeconds(60), true,
                Optional.of(notification), Optional.of(music), false);
        List<String> asked = new ArrayList<>();
        Telephony recording = new ForwardingTelephony(sim.carrier) {
            @Override
            public void playLooped(CallId call, Telephony.Prompt prompt) {
                asked.add("loop " + prompt);
                super.playLooped(call, prompt);
            }

            @Override
            public void play(CallId call, Telephony.Prompt prompt) {
                asked.add("play " + prompt);
                super.play(call, prompt);
            }

            @Override
            public void stopPlaying(CallId call) {
                asked.add("stop");
                super.stopPlaying(call);
            }

            @Override
            public void hangUp(CallId call) {
                asked.add("hang up");
                super.hangUp(call);
            }

            @Override
            public void hangUpAfterPrompts(CallId call) {
                asked.add("hang up after the prompts");
                super.hangUpAfterPrompts(call);
            }
        };
        Switchboard board = new Switchboard(1, sim.scheduler, recording, sim.dialer.desk(), queue -> Set.of(), inbound,
                Duration.ofSeconds(30), sim.dialer::wake);
        CallId[] call = new CallId[1];
        sim.scheduler.at(sim.scheduler.now(), () -> call[0] = board.enter(withAudio, "+84911111113",
                listener -> sim.carrier.receive("+84911111113", List.of(key(5, "1")), Optional.empty(), listener)));

        sim.runFor(Duration.ofSeconds(10));

        assertThat(inbound.call(call[0]).result()).contains(InboundResult.CALLBACK_REQUESTED);
        // Hung up at once, a real leg would cut the notification; stopped first, the music would never let it start.
        assertThat(asked).containsExactly("loop " + music, "stop", "play " + notification, "hang up after the prompts");
    }

    /** A switchboard whose telephony tells {@code asked} what it was asked to record, pause, resume and hold. */
    private Switchboard recordingBoard(List<String> asked) {
        Telephony recording = new ForwardingTelephony(sim.carrier) {
            @Override
            public void record(CallId call) {
                asked.add("record " + call.value());
            }

            @Override
            public void pauseRecording(CallId call, boolean paused) {
                asked.add((paused ? "pause " : "resume ") + call.value());
            }

            @Override
            public void holdMusic(CallId leg, Telephony.Prompt music) {
                asked.add("hold " + leg.value() + " with " + music);
            }

            @Override
            public void hold(CallId call, boolean onHold) {
                asked.add((onHold ? "held " : "taken off hold ") + call.value());
            }
        };
        Switchboard board = new Switchboard(1, sim.scheduler, recording, sim.dialer.desk(),
                queue -> Set.copyOf(queueAgents), inbound, Duration.ofSeconds(30), sim.dialer::wake);
        sim.dialer.afterCampaigns(board::serve);
        return board;
    }

    /** A caller who enters {@code queue} of {@code board}, which rings {@code agent}: the call, answered by them. */
    private CallId takenBy(AgentId agent, Switchboard board, QueueRules queue) {
        CallId[] call = new CallId[1];
        sim.scheduler.at(sim.scheduler.now(), () -> call[0] = board.enter(queue, "+84911111113",
                listener -> sim.carrier.receive("+84911111113", List.of(), Optional.empty(), listener)));
        sim.runFor(Duration.ofSeconds(2));
        assertThat(legsOf(agent)).hasSize(1);
        assertThat(board.recording(agent, call[0])).as("rung, not taken yet").isEmpty();
        assertThat(board.pauseRecording(agent, call[0], true)).isFalse();
        sim.carrier.answer(legsOf(agent).getFirst());
        sim.runFor(Duration.ofSeconds(1));
        return call[0];
    }

    @Test
    void aRecordingQueuesCallIsRecordedOnceTheAgentAnswersAndPausedOnlyByThatAgentWhileTheyTalk() {
        List<String> asked = new ArrayList<>();
        Switchboard board = recordingBoard(asked);
        AgentId carol = agent("carol", false);
        QueueRules recorded = new QueueRules(QUEUE, "1", Duration.ofSeconds(20), Duration.ofSeconds(60), true,
                Optional.empty(), Optional.empty(), true);
        CallId call = takenBy(carol, board, recorded);

        assertThat(board.recording(carol, call)).contains(RecordingState.RECORDING);
        assertThat(board.pauseRecording(AgentId.of("dave"), call, true)).as("not dave's call").isFalse();
        assertThat(board.pauseRecording(carol, call, true)).isTrue();
        assertThat(board.recording(carol, call)).contains(RecordingState.PAUSED);
        assertThat(board.hangUpCallOf(carol)).isTrue();
        sim.runFor(Duration.ofSeconds(1));

        assertThat(inbound.call(call).result()).contains(InboundResult.ANSWERED);
        assertThat(board.pauseRecording(carol, call, false)).as("ended").isFalse();
        assertThat(asked).containsExactly("record " + call.value(), "pause " + call.value());
    }

    @Test
    void aCallerPutOnHoldByTheAgentTakingThemHearsTheQueuesWaitingMusic() {
        List<String> asked = new ArrayList<>();
        Switchboard board = recordingBoard(asked);
        AgentId carol = agent("carol", false);
        Telephony.Prompt music = new Telephony.Prompt.AudioFile("audio:music");
        QueueRules withMusic = new QueueRules(QUEUE, "1", Duration.ofSeconds(20), Duration.ofSeconds(60), true,
                Optional.empty(), Optional.of(music), false);

        CallId call = takenBy(carol, board, withMusic);

        assertThat(asked).containsExactly("hold " + call.value() + " with " + music);
    }

    @Test
    void onlyTheAgentTalkingOnAQueueCallPutsItOnHoldAndTakesItOff() {
        List<String> asked = new ArrayList<>();
        Switchboard board = recordingBoard(asked);
        AgentId carol = agent("carol", false);
        CallId call = takenBy(carol, board, QUEUE_RULES);

        assertThat(board.hold(carol, call)).contains(HoldState.OFF);
        assertThat(board.hold(AgentId.of("dave"), call, true)).as("not dave's call").isFalse();
        assertThat(board.hold(AgentId.of("dave"), call)).isEmpty();
        assertThat(board.hold(carol, call, true)).isTrue();
        assertThat(board.hold(carol, call)).contains(new HoldState(true, false));
        assertThat(board.hold(carol, call, false)).isTrue();
        assertThat(board.phoneHolds(call, true)).as("carol's phone").isTrue();
        assertThat(board.hold(carol, call)).contains(new HoldState(false, true));
        assertThat(board.phoneHolds(new CallId("another"), true)).isFalse();
        assertThat(board.hangUpCallOf(carol)).isTrue();
        sim.runFor(Duration.ofSeconds(1));

        assertThat(board.hold(carol, call, true)).as("ended").isFalse();
        assertThat(board.phoneHolds(call, false)).as("ended").isFalse();
        assertThat(asked).containsExactly("held " + call.value(), "taken off hold " + call.value());
    }

    @Test
    void aQueueThatDoesNotRecordHasNoCallRecorded() {
        List<String> asked = new ArrayList<>();
        Switchboard board = recordingBoard(asked);
        AgentId carol = agent("carol", false);
        CallId call = takenBy(carol, board, QUEUE_RULES);

        assertThat(inbound.call(call).phase()).isEqualTo(InboundCall.Phase.TALKING);
        assertThat(board.recording(carol, call)).isEmpty();
        assertThat(board.pauseRecording(carol, call, true)).isFalse();
        assertThat(asked).isEmpty();
    }

    @Test
    void anAgentWithTheScreenClosedTakesQueueCallsButNoCallbacks() {
        AgentId carol = agent("carol", false);
        long customer = sim.customer(CAMPAIGN, "+84900000003");
        CallId call = caller("+84911111113", List.of());
        sim.runFor(Duration.ofSeconds(2));

        assertThat(legsOf(carol)).hasSize(1);
        assertThat(inbound.call(call).phase()).isEqualTo(InboundCall.Phase.AGENT_RINGING);
        sim.carrier.answer(legsOf(carol).getFirst());
        sim.runFor(Duration.ofSeconds(1));
        assertThat(inbound.call(call).phase()).isEqualTo(InboundCall.Phase.TALKING);

        sim.runFor(Duration.ofMinutes(30));
        assertThat(inbound.call(call).result()).contains(InboundResult.ANSWERED);
        assertThat(inbound.call(call).howEnded()).as("the caller's talk ran out").contains(CallEnd.CUSTOMER_HUNG_UP);
        assertThat(legsOf(carol)).as("never rung for the callback").hasSize(1);
        assertThat(sim.callsTo(customer)).isEmpty();
        assertThat(sim.state(CAMPAIGN, customer).status()).isEqualTo(CustomerStatus.NEW);
    }

    @Test
    void anAgentHangingUpTheirPhoneEndsTheQueueCallAsTheAgentsAndACallerNeverTakenHungUpThemselves() {
        AgentId carol = agent("carol", false);
        CallId call = caller("+84911111119", List.of());
        sim.runFor(Duration.ofSeconds(2));
        sim.carrier.answer(legsOf(carol).getFirst());
        sim.runFor(Duration.ofSeconds(10));

        sim.carrier.hangUpByCalledParty(legsOf(carol).getFirst());
        sim.runFor(Duration.ofSeconds(1));

        assertThat(inbound.call(call).howEnded()).contains(CallEnd.AGENT_HUNG_UP);
        CallId impatient = caller("+84911111120", List.of(), Optional.of(Duration.ofSeconds(5)));
        sim.runFor(Duration.ofSeconds(10));
        assertThat(inbound.call(impatient).result()).contains(InboundResult.MISSED_CALLER_HUNG_UP);
        assertThat(inbound.call(impatient).howEnded()).contains(CallEnd.CUSTOMER_HUNG_UP);
    }

    @Test
    void anAgentHangingUpFromTheirPageEndsTheQueueCallTheyTalkOnAndIsFreeAgain() {
        AgentId carol = agent("carol", false);
        CallId call = caller("+84911111117", List.of());
        sim.runFor(Duration.ofSeconds(2));
        assertThat(switchboard.hangUpCallOf(carol)).as("ringing, not talking yet").isFalse();
        sim.carrier.answer(legsOf(carol).getFirst());
        sim.runFor(Duration.ofSeconds(10));
        assertThat(inbound.call(call).phase()).isEqualTo(InboundCall.Phase.TALKING);

        assertThat(switchboard.hangUpCallOf(AgentId.of("dave"))).as("an agent on no call").isFalse();
        assertThat(switchboard.hangUpCallOf(carol)).isTrue();
        sim.runFor(Duration.ofSeconds(1));

        assertThat(inbound.call(call).result()).contains(InboundResult.ANSWERED);
        assertThat(inbound.call(call).howEnded()).contains(CallEnd.AGENT_HUNG_UP);
        assertThat(inbound.call(call).endedAt()).hasValueSatisfying(at -> assertThat(at).isBefore(NINE.plusSeconds(13)));
        assertThat(switchboard.openCalls()).isEmpty();
        CallId next = caller("+84911111118", List.of());
        sim.runFor(Duration.ofSeconds(2));
        assertThat(inbound.call(next).agent()).as("free for the next caller").contains(carol);
    }

    @Test
    void aFreeAgentTakesTheCallbackBeforeTheQueueCall() {
        long customer = sim.customer(CAMPAIGN, "+84900000003");
        CallId call = caller("+84911111114", List.of());
        AgentId dave = agent("dave", true);
        sim.runFor(Duration.ofSeconds(2));

        assertThat(legsOf(dave)).hasSize(1);
        assertThat(sim.state(CAMPAIGN, customer).status()).as("dave rings for the callback")
                .isEqualTo(CustomerStatus.IN_PROGRESS);
        assertThat(inbound.call(call).phase()).as("the caller still waits").isEqualTo(InboundCall.Phase.WAITING);
    }

    @Test
    void anAgentWhoClosesTheScreenWhileTheirPhoneRingsTakesNoCustomer() {
        AgentId alice = agent("alice", true);
        long customer = sim.customer(CAMPAIGN, "+84900000003");
        sim.dialer.wake();
        sim.runFor(Duration.ofSeconds(1));
        assertThat(legsOf(alice)).hasSize(1);

        sim.agents.logOut(alice, CAMPAIGN);
        sim.dialer.agentPresenceChanged(alice);
        sim.runFor(Duration.ofSeconds(1));
        sim.carrier.answer(legsOf(alice).getFirst());
        sim.runFor(Duration.ofSeconds(30));

        assertThat(sim.callsTo(customer)).isEmpty();
        assertThat(sim.state(CAMPAIGN, customer).status()).isEqualTo(CustomerStatus.NEW);
    }

    @Test
    void aQueueCallRingingAnAgentWhoBecomesNotAvailableRingsTheNextOne() {
        AgentId carol = agent("carol", false);
        CallId call = caller("+84911111116", List.of());
        sim.runFor(Duration.ofSeconds(1));
        assertThat(legsOf(carol)).hasSize(1);

        queueAgents.remove(carol);
        AgentId dan = agent("dan", false);
        sim.runFor(Duration.ofSeconds(1));

        assertThat(inbound.call(call).agent()).contains(dan);
        assertThat(inbound.call(call).phase()).isEqualTo(InboundCall.Phase.AGENT_RINGING);
    }

    @Test
    void aNotAvailableAgentTakesNeither() {
        AgentId erin = agent("erin", true);
        sim.agents.setAvailable(erin, false);
        // QueueAgents answers Available agents only: the server's leaves her out now.
        queueAgents.remove(erin);
        sim.dialer.agentPresenceChanged(erin);
        sim.customer(CAMPAIGN, "+84900000003");
        caller("+84911111115", List.of());

        sim.runFor(Duration.ofSeconds(30));

        assertThat(legsOf(erin)).isEmpty();
    }
}
