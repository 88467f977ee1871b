package dev.outdial.engine.simulation;

import static dev.outdial.engine.fixtures.CampaignSettingsBuilder.MONDAY_MORNING;
import static dev.outdial.engine.fixtures.CampaignSettingsBuilder.ZONE;
import static dev.outdial.engine.fixtures.CampaignSettingsBuilder.aProgressiveCampaign;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.call.CampaignSettings;
import dev.outdial.engine.call.HoldState;
import dev.outdial.engine.call.RecordingState;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.customer.CustomerStatus;
import dev.outdial.engine.fixtures.CampaignSettingsBuilder;
import dev.outdial.engine.fixtures.Seeds;
import dev.outdial.engine.pacing.CampaignRunner;
import dev.outdial.engine.pacing.NotDialing;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.CallRecord;
import dev.outdial.engine.port.ForwardingTelephony;
import dev.outdial.engine.port.Telephony;
import dev.outdial.engine.rules.WeeklySchedule;
import dev.outdial.engine.sim.AgentBehaviour;
import dev.outdial.engine.sim.CarrierModel;
import dev.outdial.engine.sim.CarrierOutcome;
import dev.outdial.engine.sim.NumberRules;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressiveCampaignSimulationTest {

    static final Instant NINE = Instant.parse("2025-03-03T09:00:00Z");
    static final Instant FIVE_PM = Instant.parse("2025-03-03T17:00:00Z");
    static final Instant EVENING = Instant.parse("2025-03-03T19:00:00Z");

    @Test
    void dayOfProgressiveDialingKeepsEveryComplianceRule() {
        Seeds.forEachSeed(3, random -> {
            Simulation sim = new Simulation(random.nextLong(), CarrierModel.typical(), 6);
            sim.campaign(aProgressiveCampaign(1).maxCalls(3).retryGap(Duration.ofMinutes(20)).build()).start();
            sim.customers(1, 400);
            sim.bots("agent", 10, 1);

            sim.runUntil(EVENING);

            assertThat(sim.audit.violations()).isEmpty();
            assertThat(sim.audit.dials()).as("seed %d dials", sim.seed).isGreaterThan(200);
            assertThat(sim.audit.mostOpenCalls()).as("the contract's 6 lines are used, never more").isEqualTo(6);
            assertThat(sim.calls.calls()).allSatisfy(call -> {
                assertThat(call.dialingAt()).isBetween(NINE, FIVE_PM);
                assertThat(call.isOpen()).isFalse();
            });
        });
    }

    @Test
    void busyAndUnansweredNumbersAreRetriedThenLeftAtMaximumCalls() {
        Simulation sim = new Simulation(7, CarrierModel.typical().withRules(new NumberRules(Map.of(
                "0001", CarrierOutcome.BUSY, "0002", CarrierOutcome.NOANSWER, "0003", CarrierOutcome.ANSWER))), 10);
        sim.campaign(aProgressiveCampaign(1).maxCalls(3).retryGap(Duration.ofMinutes(30)).build()).start();
        long busy = sim.customer(1, "+84900000001");
        long unanswered = sim.customer(1, "+84900000002");
        long answering = sim.customer(1, "+84900000003");
        sim.bot("alice", 1, AgentBehaviour.typical());

        sim.runUntil(NINE.plus(Duration.ofMinutes(45)));
        assertThat(sim.state(1, busy).status()).isEqualTo(CustomerStatus.RETRY);

        sim.runUntil(EVENING);

        assertThat(sim.callsTo(busy)).hasSize(3).extracting(call -> call.result().orElseThrow()).containsOnly(CallResult.BUSY);
        assertThat(sim.callsTo(unanswered)).hasSize(3).extracting(call -> call.result().orElseThrow())
                .containsOnly(CallResult.NOANSWER);
        assertThat(sim.state(1, busy).status()).isEqualTo(CustomerStatus.MAX_ATTEMPTS);
        assertThat(sim.state(1, unanswered).status()).isEqualTo(CustomerStatus.MAX_ATTEMPTS);
        assertThat(sim.state(1, answering).status()).isEqualTo(CustomerStatus.SUCCESS);
        List<Instant> busyDials = sim.callsTo(busy).stream().map(CallRecord::dialingAt).toList();
        assertThat(Duration.between(busyDials.get(0), busyDials.get(1))).isGreaterThanOrEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void anAgentRungOnlyOnceTheCustomerAnswersIsNotToldToHearTheCustomerRing() {
        RingingHeard[] carrier = new RingingHeard[1];
        Simulation sim = new Simulation(3, CarrierModel.typical().withRules(new NumberRules(Map.of("3",
                CarrierOutcome.ANSWER))), 10, simulated -> carrier[0] = new RingingHeard(simulated));
        sim.campaign(aProgressiveCampaign(1).build()).start();
        long customer = sim.customer(1, "+84900000003");
        sim.bot("alice", 1, AgentBehaviour.typical());

        sim.runUntil(NINE.plus(Duration.ofHours(1)));

        assertThat(sim.callsTo(customer).getFirst().connectedAt()).isPresent();
        assertThat(carrier[0].told).containsExactly("alice's phone rung");
    }

    @Test
    void answeredCallRecordsEveryStepOfItsLife() {
        Simulation sim = new Simulation(3, CarrierModel.typical().withRules(new NumberRules(Map.of("3", CarrierOutcome.ANSWER))), 10);
        sim.campaign(aProgressiveCampaign(1).build()).start();
        long customer = sim.customer(1, "+84900000003");
        sim.bot("alice", 1, AgentBehaviour.typical());

        sim.runUntil(NINE.plus(Duration.ofHours(1)));

        CallRecord call = sim.callsTo(customer).getFirst();
        assertThat(call.agent()).contains(AgentId.of("alice"));
        assertThat(call.result()).contains(CallResult.SUCCESS);
        assertThat(call.queuedAt()).isEqualTo(NINE);
        assertThat(List.of(call.dialingAt(), call.ringingAt().orElseThrow(), call.answeredAt().orElseThrow(),
                call.connectedAt().orElseThrow(), call.endedAt().orElseThrow())).isSorted();
        assertThat(call.disposition()).hasValueSatisfying(word -> assertThat(word.classification()).isEqualTo("Reached"));
    }

    @Test
    void anAnsweringMachineIsHungUpOnWhereTheCampaignListensForOneAndReachesTheAgentWhereNot() {
        for (boolean listening : new boolean[] {true, false}) {
            Simulation sim = new Simulation(5, CarrierModel.typical().withRules(new NumberRules(Map.of(
                    "9", CarrierOutcome.MACHINE))), 10);
            CampaignSettingsBuilder campaign = aProgressiveCampaign(1).maxCalls(1);
            sim.campaign((listening ? campaign.detectingMachines() : campaign).build()).start();
            long machine = sim.customer(1, "+84900000009");
            sim.bot("alice", 1, AgentBehaviour.typical());

            sim.runUntil(NINE.plus(Duration.ofHours(1)));

            CallRecord call = sim.callsTo(machine).getFirst();
            if (listening) {
                assertThat(call.result()).contains(CallResult.MACHINE);
                assertThat(call.connectedAt()).as("no agent hears a machine").isEmpty();
                assertThat(sim.state(1, machine).status()).isEqualTo(CustomerStatus.MAX_ATTEMPTS);
            } else {
                assertThat(call.result()).as("a machine passes for a person").contains(CallResult.SUCCESS);
                assertThat(call.agent()).contains(AgentId.of("alice"));
            }
        }
    }

    @Test
    void aMessageIsLeftOnAnAnsweringMachineWhereTheCampaignHasOneAndTheCallIsStillMachine() {
        List<String> messagesLeft = new ArrayList<>();
        Telephony.Prompt message = new Telephony.Prompt.AudioFile("audio:42");
        Simulation sim = new Simulation(5, CarrierModel.typical().withRules(new NumberRules(Map.of(
                "9", CarrierOutcome.MACHINE))), 10, carrier -> new ForwardingTelephony(carrier) {
                    @Override
                    public void leaveMessage(CallId call, Telephony.Prompt prompt) {
                        messagesLeft.add(call.value() + " " + prompt);
                        super.leaveMessage(call, prompt);
                    }
                });
        sim.campaign(aProgressiveCampaign(1).maxCalls(1).leavingOnMachines(message).build()).start();
        long machine = sim.customer(1, "+84900000009");
        sim.bot("alice", 1, AgentBehaviour.typical());

        sim.runUntil(NINE.plus(Duration.ofHours(1)));

        CallRecord call = sim.callsTo(machine).getFirst();
        assertThat(messagesLeft).containsExactly(call.id().value() + " " + message);
        assertThat(call.result()).contains(CallResult.MACHINE);
        assertThat(call.connectedAt()).isEmpty();
        assertThat(sim.state(1, machine).status()).isEqualTo(CustomerStatus.MAX_ATTEMPTS);
    }

    @Test
    void theCallsCustomersAnswerAreRecordedWhereTheCampaignRecords() {
        for (boolean recording : new boolean[] {true, false}) {
            List<CallId> recorded = new ArrayList<>();
            Simulation sim = new Simulation(5, CarrierModel.typical().withRules(new NumberRules(Map.of(
                    "1", CarrierOutcome.ANSWER, "9", CarrierOutcome.MACHINE, "8", CarrierOutcome.BUSY))), 10,
                    carrier -> new ForwardingTelephony(carrier) {
                        @Override
                        public void record(CallId call) {
                            recorded.add(call);
                            super.record(call);
                        }
                    });
            CampaignSettingsBuilder campaign = aProgressiveCampaign(1).maxCalls(1).detectingMachines();
            sim.campaign((recording ? campaign.recordingCalls() : campaign).build()).start();
            long person = sim.customer(1, "+84900000001");
            long machine = sim.customer(1, "+84900000009");
            long busy = sim.customer(1, "+84900000008");
            sim.bot("alice", 1, AgentBehaviour.typical());

            sim.runUntil(NINE.plus(Duration.ofHours(1)));

            CallRecord answered = sim.callsTo(person).getFirst();
            assertThat(answered.result()).contains(CallResult.SUCCESS);
            assertThat(sim.callsTo(machine).getFirst().result()).contains(CallResult.MACHINE);
            assertThat(sim.callsTo(busy).getFirst().result()).contains(CallResult.BUSY);
            assertThat(recorded).as("only the call a person answered, once, and only where the campaign records")
                    .isEqualTo(recording ? List.of(answered.id()) : List.of());
        }
    }

    @Test
    void aRecordingIsPausedAndResumedWhileTheCallIsUpAndOnlyWhereTheCampaignRecords() {
        List<String> asked = new ArrayList<>();
        List<CallId> recorded = new ArrayList<>();
        Simulation sim = new Simulation(5, CarrierModel.typical().withRules(new NumberRules(Map.of(
                "1", CarrierOutcome.ANSWER))), 10, carrier -> new ForwardingTelephony(carrier) {
                    @Override
                    public void record(CallId call) {
                        recorded.add(call);
                    }

                    @Override
                    public void pauseRecording(CallId call, boolean paused) {
                        asked.add(call.value() + (paused ? " paused" : " resumed"));
                    }
                });
        CampaignRunner runner = sim.campaign(aProgressiveCampaign(1).maxCalls(1).recordingCalls().build());
        runner.start();
        long customer = sim.customer(1, "+84900000001");
        sim.bot("alice", 1, AgentBehaviour.typical());
        Instant now = NINE;
        while (recorded.isEmpty()) {
            now = now.plusSeconds(1);
            sim.runUntil(now);
        }
        CallId call = recorded.getFirst();

        assertThat(runner.recording(call)).contains(RecordingState.RECORDING);
        assertThat(runner.pauseRecording(call, true)).as("answered, up, recorded").isTrue();
        assertThat(runner.recording(call)).contains(RecordingState.PAUSED);
        assertThat(runner.pauseRecording(call, false)).isTrue();
        assertThat(runner.recording(call)).contains(RecordingState.RECORDING);
        assertThat(runner.pauseRecording(new CallId("another"), true)).isFalse();
        assertThat(runner.recording(new CallId("another"))).isEmpty();
        sim.runUntil(NINE.plus(Duration.ofHours(1)));

        assertThat(sim.callsTo(customer).getFirst().endedAt()).isPresent();
        assertThat(runner.pauseRecording(call, true)).as("ended").isFalse();
        assertThat(runner.recording(call)).isEmpty();
        assertThat(asked).containsExactly(call.value() + " paused", call.value() + " resumed");
    }

    @Test
    void aCallIsPutOnHoldAndTakenOffOnlyWhileItsAgentTalksOnIt() {
        List<String> asked = new ArrayList<>();
        Simulation sim = new Simulation(5, CarrierModel.typical().withRules(new NumberRules(Map.of(
                "1", CarrierOutcome.ANSWER))), 10, carrier -> new ForwardingTelephony(carrier) {
                    @Override
                    public void hold(CallId call, boolean onHold) {
                        asked.add(call.value() + (onHold ? " held" : " taken off hold"));
                    }
                });
        CampaignRunner runner = sim.campaign(aProgressiveCampaign(1).maxCalls(1).build());
        runner.start();
        long customer = sim.customer(1, "+84900000001");
        sim.bot("alice", 1, AgentBehaviour.typical());
        Instant now = NINE;
        while (sim.callsTo(customer).isEmpty()) {
            now = now.plusSeconds(1);
            sim.runUntil(now);
        }
        CallId call = sim.callsTo(customer).getFirst().id();
        int refused = 0;
        while (runner.hold(call).isEmpty()) {
            assertThat(runner.hold(call, true)).as("not put through yet").isFalse();
            refused++;
            now = now.plusSeconds(1);
            sim.runUntil(now);
        }
        assertThat(refused).as("rung before it was put through").isPositive();

        assertThat(runner.hold(call)).contains(HoldState.OFF);
        assertThat(runner.hold(call, true)).isTrue();
        assertThat(runner.hold(call)).contains(new HoldState(true, false));
        assertThat(runner.phoneHolds(call, true)).isTrue();
        assertThat(runner.hold(call)).as("held both ways").contains(new HoldState(true, true));
        assertThat(runner.hold(call, false)).isTrue();
        assertThat(runner.hold(call)).as("the phone still holds").contains(new HoldState(false, true));
        assertThat(runner.hold(call).orElseThrow().held()).isTrue();
        assertThat(runner.phoneHolds(call, false)).isTrue();
        assertThat(runner.hold(call)).contains(HoldState.OFF);
        assertThat(runner.hold(new CallId("another"), true)).isFalse();
        assertThat(runner.phoneHolds(new CallId("another"), true)).isFalse();
        assertThat(runner.hold(new CallId("another"))).isEmpty();
        sim.runUntil(NINE.plus(Duration.ofHours(1)));

        assertThat(sim.callsTo(customer).getFirst().endedAt()).isPresent();
        assertThat(runner.hold(call, true)).as("ended").isFalse();
        assertThat(runner.phoneHolds(call, true)).as("ended").isFalse();
        assertThat(runner.hold(call)).isEmpty();
        assertThat(asked).as("the phone's own hold asks the telephony nothing")
                .containsExactly(call.value() + " held", call.value() + " taken off hold");
    }

    @Test
    void dialsOnlyForAvailableAgentsOutOfWrapUp() {
        Simulation sim = new Simulation(11, CarrierModel.typical(), 20);
        sim.campaign(aProgressiveCampaign(1).wrapUp(Duration.ofSeconds(45)).build()).start();
        sim.customers(1, 300);
        AgentId alice = sim.bot("alice", 1, AgentBehaviour.typical()).id();
        sim.bot("bob", 1, AgentBehaviour.typical());
        AgentId away = sim.person("carol", 1);
        sim.agents.setAvailable(away, false);
        sim.dialer.agentPresenceChanged(away);

        sim.runUntil(FIVE_PM);

        assertThat(sim.callsOf(away)).isEmpty();
        List<CallRecord> alicesCalls = sim.callsOf(alice);
        assertThat(alicesCalls).hasSizeGreaterThan(20);
        for (int i = 1; i < alicesCalls.size(); i++) {
            CallRecord previous = alicesCalls.get(i - 1);
            Instant freeAt = previous.endedAt().orElseThrow()
                    .plus(previous.connectedAt().isPresent() ? Duration.ofSeconds(45) : Duration.ZERO);
            assertThat(alicesCalls.get(i).dialingAt()).as("call %d of alice", i).isAfterOrEqualTo(freeAt);
        }
    }

    @Test
    void whyNotDialingNamesTheReason() {
        Simulation sim = new Simulation(5, CarrierModel.typical(), 1);
        CampaignRunner runner = sim.campaign(aProgressiveCampaign(1).build());
        assertThat(runner.whyNotDialing()).contains(NotDialing.CAMPAIGN_NOT_RUNNING);

        runner.start();
        sim.runFor(Duration.ZERO);
        assertThat(runner.whyNotDialing()).contains(NotDialing.OUTSIDE_WORKING_HOURS);

        sim.runUntil(NINE);
        assertThat(runner.whyNotDialing()).contains(NotDialing.NO_AGENTS_AVAILABLE);

        sim.person("alice", 1);
        sim.runFor(Duration.ZERO);
        assertThat(runner.whyNotDialing()).contains(NotDialing.NO_ELIGIBLE_CUSTOMERS);

        sim.customers(1, 3);
        sim.person("bob", 1);
        sim.runFor(Duration.ofSeconds(1));
        assertThat(runner.whyNotDialing()).as("one line, taken by alice's call").contains(NotDialing.CONCURRENCY_LIMIT_REACHED);
    }

    /**
     * The admin shortens the running campaign's hours to close at 10:00 at 10:30, then opens them
     * again until 17:00 at 11:30: no call is dialed in between, and dialing goes on at once after,
     * without the campaign being started again.
     */
    @Test
    void hoursChangedWhileTheCampaignRunsAreKeptFromTheChangeOn() {
        Simulation sim = new Simulation(13, CarrierModel.typical(), 5);
        CampaignSettings settings = aProgressiveCampaign(1).build();
        CampaignRunner runner = sim.campaign(settings);
        runner.start();
        sim.customers(1, 3_000);
        sim.bots("agent", 5, 1);
        Instant halfPastTen = NINE.plus(Duration.ofMinutes(90));
        Instant halfPastEleven = halfPastTen.plus(Duration.ofHours(1));
        sim.runUntil(halfPastTen);
        int dialedBefore = sim.calls.calls().size();
        assertThat(dialedBefore).isGreaterThan(50);

        runner.changeWindow(settings.window().withWorkingHours(WeeklySchedule.in(ZONE)
                .open(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "09:00", "10:00").build()));
        sim.runFor(Duration.ZERO);
        assertThat(runner.whyNotDialing()).contains(NotDialing.OUTSIDE_WORKING_HOURS);
        sim.runUntil(halfPastEleven);
        assertThat(sim.calls.calls().stream().filter(call -> call.dialingAt().isAfter(halfPastTen)))
                .as("dialed after the hours closed").isEmpty();

        runner.changeWindow(settings.window());
        sim.runFor(Duration.ofMinutes(10));
        assertThat(sim.calls.calls().stream().filter(call -> call.dialingAt().isAfter(halfPastEleven)))
                .as("dialed once they opened again").isNotEmpty();
        assertThat(runner.window()).isEqualTo(settings.window());
        assertThat(sim.audit.violations()).isEmpty();
    }

    @Test
    void sameSeedSameDay() {
        assertThat(dayWithSeed(99)).isEqualTo(dayWithSeed(99)).isNotEqualTo(dayWithSeed(100));
    }

    @Test
    void eightHourDayOfFiftyAgentsAndTwentyThousandCustomersRunsInSeconds() {
        long started = System.nanoTime();
        Simulation sim = new Simulation(2025, CarrierModel.typical(), 60);
        sim.campaign(aProgressiveCampaign(1).build()).start();
        sim.customers(1, 20_000);
        sim.bots("agent", 50, 1);

        sim.runUntil(FIVE_PM);

        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("8-hour progressive day, 50 agents, 20,000 customers, seed %d: %d dials, %d tasks, %.2f s wall%n",
                sim.seed, sim.audit.dials(), sim.scheduler.tasksRun(), seconds);
        assertThat(sim.audit.violations()).isEmpty();
        assertThat(sim.audit.dials()).isGreaterThan(5_000);
    }

    private static List<String> dayWithSeed(long seed) {
        Simulation sim = new Simulation(seed, CarrierModel.typical(), 5);
        sim.campaign(aProgressiveCampaign(1).build()).start();
        sim.customers(1, 200);
        sim.bots("agent", 6, 1);
        sim.runUntil(MONDAY_MORNING.plus(Duration.ofHours(4)));
        return sim.transcript();
    }
}
