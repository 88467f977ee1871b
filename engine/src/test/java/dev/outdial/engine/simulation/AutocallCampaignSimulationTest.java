package dev.outdial.engine.simulation;

import static dev.outdial.engine.fixtures.CampaignSettingsBuilder.anAutocallCampaign;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.call.AutocallSettings;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.customer.CustomerStatus;
import dev.outdial.engine.fixtures.Seeds;
import dev.outdial.engine.ivr.IvrTree;
import dev.outdial.engine.ivr.IvrTrees;
import dev.outdial.engine.pacing.CampaignRunner;
import dev.outdial.engine.pacing.NotDialing;
import dev.outdial.engine.port.CallDisposition;
import dev.outdial.engine.port.CallRecord;
import dev.outdial.engine.sim.AgentBehaviour;
import dev.outdial.engine.sim.CarrierModel;
import dev.outdial.engine.sim.CarrierOutcome;
import dev.outdial.engine.sim.Distribution;
import dev.outdial.engine.sim.KeyPresses;
import dev.outdial.engine.sim.NumberRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AutocallCampaignSimulationTest {

    static final Instant NINE = Instant.parse("2025-03-03T09:00:00Z");
    static final Instant EVENING = Instant.parse("2025-03-03T19:00:00Z");
    static final String GOOD_HOTLINE = "+842800000000";
    static final String BROKEN_HOTLINE = "+842800000001";

    static final CarrierModel EVERYONE_ANSWERS = new CarrierModel(1.0, 0, 0, 0, 0,
            Distribution.logNormal(Duration.ofSeconds(8), 0.5), Duration.ofSeconds(30),
            Distribution.logNormal(Duration.ofSeconds(120), 0.6), Distribution.constant(Duration.ofSeconds(2)),
            NumberRules.none());

    static AutocallSettings survey(AutocallSettings.Rotation rotation, long seed) {
        return autocall(IvrTrees.survey(), rotation, seed);
    }

    static AutocallSettings autocall(IvrTree tree, AutocallSettings.Rotation rotation, long seed) {
        return new AutocallSettings(tree, rotation, Duration.ofMinutes(5), Duration.ofSeconds(20), "vi-VN", seed);
    }

    @Test
    void autocallDialsUpToItsConcurrencyAndNeverPutsACustomerOnTwoCalls() {
        Seeds.forEachSeed(3, random -> {
            Simulation sim = new Simulation(random.nextLong(), CarrierModel.typical(), 20);
            sim.carrier.keyPresses(new KeyPresses(Map.of("1", 0.4, "0", 0.2, "9", 0.05),
                    Distribution.logNormal(Duration.ofSeconds(3), 0.5), Map.of()));
            sim.campaign(anAutocallCampaign(1, survey(AutocallSettings.Rotation.RANDOM, random.nextLong()))
                    .maxConcurrentCalls(5).maxCalls(2).retryGap(Duration.ofMinutes(20)).build()).start();
            List<Long> customers = sim.customers(1, 100);

            sim.runUntil(EVENING);

            assertThat(sim.audit.violations()).isEmpty();
            assertThat(mostCallsAtOnce(sim.calls.calls())).as("seed %d: the campaign's 5 lines, never more", sim.seed)
                    .isEqualTo(5);
            assertThat(sim.calls.calls()).allSatisfy(call -> assertThat(call.isOpen()).isFalse());
            assertThat(customers).allSatisfy(customer -> assertThat(sim.state(1, customer).status())
                    .isIn(CustomerStatus.SUCCESS, CustomerStatus.MAX_ATTEMPTS, CustomerStatus.ERROR));
            List<CallRecord> interested = sim.calls.calls().stream()
                    .filter(call -> call.disposition().map(CallDisposition::classification).filter("11"::equals).isPresent())
                    .toList();
            assertThat(interested).as("pressing 1 classifies the customer").isNotEmpty()
                    .allSatisfy(call -> assertThat(call.result()).contains(CallResult.SUCCESS));
        });
    }

    @Test
    void aCustomerWhoPressesOneIsSuccessfulWithTheIvrsResult() {
        Simulation sim = new Simulation(11, EVERYONE_ANSWERS, 10);
        sim.carrier.keyPresses(new KeyPresses(Map.of(), Distribution.constant(Duration.ofSeconds(2)),
                Map.of("0001", "1", "0002", "7", "0003", "0")));
        sim.campaign(anAutocallCampaign(1, survey(AutocallSettings.Rotation.SINGLE, 1)).build()).start();
        long interested = sim.customer(1, "+84900000001");
        long silent = sim.customer(1, "+84900000002");
        long hangsUp = sim.customer(1, "+84900000003");

        sim.runUntil(NINE.plus(Duration.ofMinutes(10)));

        assertThat(sim.state(1, interested).status()).isEqualTo(CustomerStatus.SUCCESS);
        assertThat(sim.callsTo(interested).getFirst().disposition().map(CallDisposition::classification)).contains("11");
        // A wrong key, then silence: the IVR says goodbye and the call is over, the message delivered.
        assertThat(sim.state(1, silent).status()).isEqualTo(CustomerStatus.SUCCESS);
        assertThat(sim.callsTo(silent).getFirst().disposition()).isEmpty();
        assertThat(sim.state(1, hangsUp).status()).isEqualTo(CustomerStatus.SUCCESS);
        assertThat(sim.calls.calls()).allSatisfy(call -> assertThat(call.hotline()).isEqualTo(GOOD_HOTLINE));
    }

    @Test
    void anOptOutBlacklistsTheNumberSoNoOtherCampaignCallsIt() {
        Simulation sim = new Simulation(5, EVERYONE_ANSWERS, 10);
        sim.carrier.keyPresses(new KeyPresses(Map.of(), Distribution.constant(Duration.ofSeconds(2)), Map.of("0009", "9")));
        sim.campaign(anAutocallCampaign(1, survey(AutocallSettings.Rotation.SINGLE, 1)).build()).start();
        sim.campaign(anAutocallCampaign(2, survey(AutocallSettings.Rotation.SINGLE, 2))
                .startsAt(NINE.plus(Duration.ofMinutes(30))).build()).start();
        long optingOut = sim.customer(1, "+84900000009");
        long sameNumberElsewhere = sim.customer(2, "+84900000009");
        // The audit knows a number by one customer: the one that is called; the other must never be.
        sim.audit.knows("+84900000009", 1, optingOut);
        long other = sim.customer(2, "+84900000001");

        sim.runUntil(EVENING);

        assertThat(sim.lists.isBlacklisted("+84900000009")).isTrue();
        assertThat(sim.callsTo(sameNumberElsewhere)).isEmpty();
        assertThat(sim.state(2, sameNumberElsewhere).status()).isEqualTo(CustomerStatus.BLOCKED);
        assertThat(sim.state(2, other).status()).isEqualTo(CustomerStatus.SUCCESS);
        assertThat(sim.audit.violations()).isEmpty();
    }

    @Test
    void aFailingHotlineIsSkippedAndItsCustomersAreCalledAgainAfterTheFreshOnes() {
        Simulation sim = new Simulation(9, EVERYONE_ANSWERS, 10);
        sim.carrier.hotlineRules(new NumberRules(Map.of("0001", CarrierOutcome.HOTLINE_ERROR)));
        sim.campaign(anAutocallCampaign(1, autocall(IvrTrees.notification(), AutocallSettings.Rotation.RANDOM, 3))
                .hotlines(GOOD_HOTLINE, BROKEN_HOTLINE).maxConcurrentCalls(3).retryGap(Duration.ZERO).build()).start();
        List<Long> customers = sim.customers(1, 40);

        sim.runUntil(EVENING);

        List<CallRecord> failed = sim.calls.calls().stream()
                .filter(call -> call.result().orElseThrow() == CallResult.HOTLINE_ERROR).toList();
        assertThat(failed).as("the broken hotline was tried").isNotEmpty();
        assertThat(failed).allSatisfy(call -> assertThat(call.hotline()).isEqualTo(BROKEN_HOTLINE));
        Instant firstFailure = failed.stream().map(call -> call.endedAt().orElseThrow()).min(Comparator.naturalOrder())
                .orElseThrow();
        assertThat(sim.calls.calls()).as("nothing goes out on the broken hotline for 5 minutes after it failed")
                .filteredOn(call -> call.hotline().equals(BROKEN_HOTLINE))
                .allSatisfy(call -> assertThat(call.dialingAt().isAfter(firstFailure)
                        && call.dialingAt().isBefore(firstFailure.plus(Duration.ofMinutes(5)))).isFalse());
        Instant lastFreshDial = customers.stream().map(customer -> sim.callsTo(customer).getFirst().dialingAt())
                .max(Comparator.naturalOrder()).orElseThrow();
        for (CallRecord failure : failed) {
            List<CallRecord> again = sim.callsTo(failure.customerId()).stream()
                    .filter(call -> call.dialingAt().isAfter(failure.dialingAt())).toList();
            assertThat(again).as("customer %d is called again", failure.customerId()).isNotEmpty();
            assertThat(again.getFirst().dialingAt()).as("after the fresh data").isAfterOrEqualTo(lastFreshDial);
        }
        assertThat(customers).allSatisfy(customer -> assertThat(sim.state(1, customer).status())
                .isEqualTo(CustomerStatus.SUCCESS));
    }

    @Test
    void aCampaignWhoseOnlyHotlineFailsWaitsAndSaysWhy() {
        Simulation sim = new Simulation(4, EVERYONE_ANSWERS, 10);
        sim.carrier.hotlineRules(new NumberRules(Map.of("0000", CarrierOutcome.HOTLINE_ERROR)));
        CampaignRunner runner = sim.campaign(anAutocallCampaign(1, autocall(IvrTrees.notification(),
                AutocallSettings.Rotation.SINGLE, 3)).build());
        runner.start();
        sim.customers(1, 10);

        sim.runUntil(NINE.plus(Duration.ofMinutes(1)));

        assertThat(runner.whyNotDialing()).contains(NotDialing.NO_HOTLINE_AVAILABLE);
        assertThat(sim.calls.calls()).allSatisfy(call -> assertThat(call.dialingAt()).isBefore(NINE.plus(Duration.ofSeconds(5))));
    }

    @Test
    void hotlinesChangedWhileTheCampaignRunsAreDialedFromTheChangeOn() {
        Simulation sim = new Simulation(5, EVERYONE_ANSWERS, 10);
        CampaignRunner runner = sim.campaign(anAutocallCampaign(1, autocall(IvrTrees.notification(),
                AutocallSettings.Rotation.RANDOM, 3)).hotlines(GOOD_HOTLINE, BROKEN_HOTLINE).maxConcurrentCalls(3)
                .build());
        runner.start();
        sim.customers(1, 2_000);
        Instant renumbered = NINE.plus(Duration.ofMinutes(10));
        Instant noneLeft = NINE.plus(Duration.ofMinutes(20));
        Instant enabledAgain = NINE.plus(Duration.ofMinutes(30));
        String newNumber = "+842800000077";

        sim.runUntil(renumbered);
        runner.changeHotlines(List.of(newNumber));
        sim.runUntil(noneLeft);
        runner.changeHotlines(List.of());
        sim.runUntil(enabledAgain);
        assertThat(runner.whyNotDialing()).contains(NotDialing.NO_HOTLINE_AVAILABLE);
        runner.changeHotlines(List.of(GOOD_HOTLINE));
        sim.runUntil(NINE.plus(Duration.ofMinutes(40)));

        List<CallRecord> calls = sim.calls.calls();
        assertThat(calls).filteredOn(call -> call.dialingAt().isBefore(renumbered))
                .isNotEmpty().allSatisfy(call -> assertThat(call.hotline()).isIn(GOOD_HOTLINE, BROKEN_HOTLINE));
        assertThat(calls)
                .filteredOn(call -> !call.dialingAt().isBefore(renumbered) && call.dialingAt().isBefore(noneLeft))
                .isNotEmpty().allSatisfy(call -> assertThat(call.hotline()).isEqualTo(newNumber));
        assertThat(calls).as("nothing dialed while no hotline is enabled")
                .filteredOn(call -> !call.dialingAt().isBefore(noneLeft) && call.dialingAt().isBefore(enabledAgain))
                .isEmpty();
        assertThat(calls).as("dialing resumes once one is back, without waiting for anything else")
                .filteredOn(call -> !call.dialingAt().isBefore(enabledAgain)
                        && call.dialingAt().isBefore(enabledAgain.plusSeconds(5)))
                .isNotEmpty().allSatisfy(call -> assertThat(call.hotline()).isEqualTo(GOOD_HOTLINE));
    }

    @Test
    void pressingTwoConnectsTheCustomerToAFreeAgentOfTheCampaign() {
        Simulation sim = new Simulation(8, EVERYONE_ANSWERS, 10);
        sim.carrier.keyPresses(new KeyPresses(Map.of(), Distribution.constant(Duration.ofSeconds(2)), Map.of("0002", "2")));
        sim.campaign(anAutocallCampaign(1, survey(AutocallSettings.Rotation.SINGLE, 1)).build()).start();
        long wantsAnAgent = sim.customer(1, "+84900000002");
        sim.bot("alice", 1, AgentBehaviour.typical());

        sim.runUntil(NINE.plus(Duration.ofMinutes(15)));

        CallRecord call = sim.callsTo(wantsAnAgent).getFirst();
        assertThat(call.agent()).contains(AgentId.of("alice"));
        assertThat(call.connectedAt()).isPresent();
        assertThat(call.result()).contains(CallResult.SUCCESS);
    }

    @Test
    void withNobodyToTakeItACustomerWhoAskedForAnAgentIsAbandonedAndCalledAgain() {
        Simulation sim = new Simulation(8, EVERYONE_ANSWERS, 10);
        sim.carrier.keyPresses(new KeyPresses(Map.of(), Distribution.constant(Duration.ofSeconds(2)), Map.of("0002", "2")));
        sim.campaign(anAutocallCampaign(1, survey(AutocallSettings.Rotation.SINGLE, 1)).maxCalls(2).build()).start();
        long wantsAnAgent = sim.customer(1, "+84900000002");

        sim.runUntil(NINE.plus(Duration.ofMinutes(10)));

        assertThat(sim.callsTo(wantsAnAgent).getFirst().result()).contains(CallResult.ABANDONED);
        assertThat(sim.state(1, wantsAnAgent).status()).isEqualTo(CustomerStatus.RETRY);
    }

    /** The most calls of the log that were up at the same moment. */
    static int mostCallsAtOnce(List<CallRecord> calls) {
        List<long[]> edges = new ArrayList<>();
        for (CallRecord call : calls) {
            edges.add(new long[] {call.dialingAt().toEpochMilli(), 1});
            edges.add(new long[] {call.endedAt().orElseThrow().toEpochMilli(), -1});
        }
        // A call ending frees its line for one placed at the same instant.
        edges.sort(Comparator.<long[]>comparingLong(edge -> edge[0]).thenComparingLong(edge -> edge[1]));
        int up = 0;
        int most = 0;
        for (long[] edge : edges) {
            up += (int) edge[1];
            most = Math.max(most, up);
        }
        return most;
    }
}
