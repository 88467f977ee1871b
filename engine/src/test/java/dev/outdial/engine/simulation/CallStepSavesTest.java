package dev.outdial.engine.simulation;

import static dev.outdial.engine.fixtures.CampaignSettingsBuilder.aPredictiveCampaign;
import static dev.outdial.engine.fixtures.CampaignSettingsBuilder.aProgressiveCampaign;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.call.CallOrchestrator;
import dev.outdial.engine.call.CampaignSettings;
import dev.outdial.engine.call.LapsedClaims;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.pacing.PredictiveSettings;
import dev.outdial.engine.pacing.PredictiveStrategy;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.CallRecord;
import dev.outdial.engine.port.AgentUpdate;
import dev.outdial.engine.sim.AgentBehaviour;
import dev.outdial.engine.sim.CarrierModel;
import dev.outdial.engine.sim.Distribution;
import dev.outdial.engine.sim.NumberRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: a call's steps between its placing and its end (ringing, answered, the agent rung,
 * connected) are saved together, every call of the campaign with a step in one
 * commit, at most {@link CallOrchestrator#STEP_SAVE_DELAY} after it, instead of a commit each; and a
 * node that dies before saving them still leaves every call it placed open in the log, to be closed.
 */
class CallStepSavesTest {

    static final Instant NINE = Instant.parse("2025-03-03T09:00:00Z");
    /** The live benchmark's carrier: every customer answers after 500 ms of ringing and talks a second. */
    static final CarrierModel FAST = new CarrierModel(1, 0, 0, 0, 0, Distribution.constant(Duration.ofMillis(500)),
            Duration.ofSeconds(30), Distribution.constant(Duration.ofSeconds(1)),
            Distribution.constant(Duration.ofMillis(100)), NumberRules.none());
    static final AgentBehaviour QUICK = new AgentBehaviour(Distribution.constant(Duration.ofMillis(200)),
            Distribution.constant(Duration.ofMillis(200)), Distribution.constant(Duration.ofMillis(200)),
            AgentBehaviour.done("Reached"));

    @Test
    void callsStepsShareOneCommitPerDelayHoweverManyCallsAreUp() {
        Simulation sim = new Simulation(1, FAST, 40);
        sim.campaign(aProgressiveCampaign(1).wrapUp(Duration.ZERO).build()).start();
        sim.customers(1, 3_000);
        sim.bots("agent", 40, 1, QUICK);
        sim.runUntil(NINE);
        int commitsBefore = sim.writes.commits();
        int stepSavesBefore = sim.writes.stepSaves();
        int callsBefore = sim.calls.calls().size();
        Duration run = Duration.ofMinutes(2);

        sim.runFor(run);

        int calls = sim.calls.calls().size() - callsBefore;
        int stepSaves = sim.writes.stepSaves() - stepSavesBefore;
        long delays = run.dividedBy(CallOrchestrator.STEP_SAVE_DELAY);
        // Each call takes three steps at least (ringing, answered, connected): saved one by one, they
        // would outnumber the delays three times over.
        assertThat(calls).as("calls placed in two minutes").isGreaterThan((int) delays);
        assertThat(stepSaves).as("commits of steps alone: one per delay at most, never one per step")
                .isPositive().isLessThanOrEqualTo((int) delays + 1);
        // Each call commits its claim with its dial (the agent's receipt, the record opened under the
        // name it keeps: no rename once placed), its end (with its customer) and the agent's word:
        // three, and a share of the steps' saves. A commit more per call (the claim alone, a rename)
        // would pass 3.5.
        assertThat((double) (sim.writes.commits() - commitsBefore) / calls).as("commits per call").isLessThan(3.5);
        assertThat(sim.calls.calls()).filteredOn(call -> !call.isOpen()).allSatisfy(call -> {
            assertThat(call.ringingAt()).as("ringing").isPresent();
            assertThat(call.answeredAt()).as("answered").isPresent();
            assertThat(call.connectedAt()).as("connected").isPresent();
        });
    }

    @Test
    void aPredictiveCallCommitsItsClaimWithItsDialAndItsReceiptWithItsSteps() {
        Simulation sim = new Simulation(5, FAST, 40);
        sim.campaign(aPredictiveCampaign(1).wrapUp(Duration.ZERO).build(),
                new PredictiveStrategy(new PredictiveSettings(0.03, Duration.ofSeconds(5)))).start();
        sim.customers(1, 3_000);
        sim.bots("agent", 20, 1, QUICK);
        sim.runUntil(NINE.plusSeconds(30));
        int commitsBefore = sim.writes.commits();
        int callsBefore = sim.calls.calls().size();

        sim.runFor(Duration.ofMinutes(2));

        int calls = sim.calls.calls().size() - callsBefore;
        assertThat(calls).as("calls placed in two minutes").isGreaterThan(500);
        // The claim commits with the dial; the agent's receipt with the call's connection or end; then
        // its end and the agent's word: three, and a share of the steps' saves. A receipt or a claim
        // committed alone would add one a call.
        assertThat((double) (sim.writes.commits() - commitsBefore) / calls).as("commits per call").isLessThan(3.5);
        assertThat(sim.audit.violations()).isEmpty();
        assertThat(sim.agents.customersReceived(AgentId.of("agent-00"), 1, NINE, NINE.plus(Duration.ofHours(1))))
                .as("the receipts are written all the same").isPositive();
    }

    @Test
    void aStepIsSavedWithinTheDelayAndTheEngineShowsItAtOnce() {
        Simulation sim = new Simulation(2, FAST, 10);
        CallOrchestrator orchestrator = sim.campaign(aProgressiveCampaign(1).build()).calls();
        sim.campaignRunner(1).start();
        long customer = sim.customer(1, "+84900000001");
        sim.bot("alice", 1, QUICK);
        sim.runUntil(NINE.plusMillis(150));
        CallId placed = sim.callsTo(customer).getFirst().id();
        assertThat(sim.callsTo(customer)).as("placed, its ringing not saved yet").singleElement()
                .satisfies(call -> assertThat(call.ringingAt()).isEmpty());
        assertThat(sim.shownTo(AgentId.of("alice"), AgentUpdate.CallPlaced.class)).as("the agent's screen names it alike")
                .singleElement().extracting(AgentUpdate.CallPlaced::call).isEqualTo(placed);
        assertThat(orchestrator.liveRecord(placed)).as("what readers ask first: the engine, ringing already")
                .hasValueSatisfying(call -> assertThat(call.ringingAt()).isPresent());
        assertThat(orchestrator.liveRecords()).extracting(CallRecord::id).containsExactly(placed);

        sim.runUntil(NINE.plusMillis(150).plus(CallOrchestrator.STEP_SAVE_DELAY));

        assertThat(sim.callsTo(customer)).singleElement().satisfies(call -> {
            assertThat(call.ringingAt()).isPresent();
            assertThat(call.isOpen()).isTrue();
        });

        sim.runUntil(NINE.plusSeconds(5));

        assertThat(sim.callsTo(customer)).as("ended under the name it was opened under").singleElement()
                .satisfies(call -> {
                    assertThat(call.id()).isEqualTo(placed);
                    assertThat(call.isOpen()).isFalse();
                });
        assertThat(orchestrator.liveRecord(placed)).as("an ended call is read from its record").isEmpty();
        assertThat(orchestrator.liveRecords()).isEmpty();
    }

    @Test
    void whileACallsEndIsBeingStoredReadersStillSeeItOpen() {
        Simulation sim = new Simulation(4, FAST, 10);
        CallOrchestrator orchestrator = sim.campaign(aProgressiveCampaign(1).build()).calls();
        sim.campaignRunner(1).start();
        sim.customer(1, "+84900000001");
        sim.bot("alice", 1, QUICK);
        List<Optional<CallRecord>> seenDuringEnds = new ArrayList<>();
        Set<CallId> ended = new HashSet<>();
        sim.writes.beforeSave(call -> {
            // The end's save, not the agent's word saved on the ended record later.
            if (!call.isOpen() && ended.add(call.id())) {
                seenDuringEnds.add(orchestrator.liveRecord(call.id()));
            }
        });

        sim.runUntil(NINE.plusSeconds(5));

        // A client that saw the call ended reads its customer next: its result must be stored by then.
        assertThat(seenDuringEnds).as("the engine's word while an end commits: the call as it stood, open")
                .isNotEmpty().allSatisfy(live -> assertThat(live).hasValueSatisfying(call ->
                        assertThat(call.isOpen()).isTrue()));
    }

    @Test
    void aNodeKilledBeforeItsCallsStepsWereSavedLeavesThemOpenToBeClosed() {
        Simulation sim = new Simulation(3, FAST, 10);
        CampaignSettings settings = aProgressiveCampaign(1).build();
        sim.campaign(settings).start();
        long customer = sim.customer(1, "+84900000001");
        sim.bot("alice", 1, QUICK);
        sim.runUntil(NINE.plusMillis(900));
        assertThat(sim.shownTo(AgentId.of("alice"), AgentUpdate.CallConnected.class))
                .as("the call was answered and connected, in the engine's memory").hasSize(1);
        assertThat(sim.callsTo(customer)).as("what the log holds when the node dies: the call as placed")
                .singleElement().satisfies(call -> {
                    assertThat(call.isOpen()).isTrue();
                    assertThat(call.answeredAt()).isEmpty();
                });

        // The node dies here: its scheduler runs no more. Another expires the customer's lease.
        int expired = new LapsedClaims(settings, sim.customers, sim.calls).expire(NINE.plus(Duration.ofHours(1)), Set.of());

        assertThat(expired).isEqualTo(1);
        assertThat(sim.calls.openCallOf(1, customer)).isEmpty();
        assertThat(sim.callsTo(customer)).singleElement()
                .satisfies(call -> assertThat(call.result()).contains(CallResult.NETWORK_ERROR));
    }
}
