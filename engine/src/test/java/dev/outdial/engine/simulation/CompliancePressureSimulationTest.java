package dev.outdial.engine.simulation;

import static dev.outdial.engine.fixtures.CampaignSettingsBuilder.aProgressiveCampaign;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.customer.CustomerStatus;
import dev.outdial.engine.pacing.BusinessDialer;
import dev.outdial.engine.port.CallRecord;
import dev.outdial.engine.port.Scheduler;
import dev.outdial.engine.rules.DialVerdict;
import dev.outdial.engine.sim.AgentBehaviour;
import dev.outdial.engine.sim.CarrierModel;
import dev.outdial.engine.sim.Distribution;
import dev.outdial.engine.sim.NumberRules;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CompliancePressureSimulationTest {

    static final Instant NINE = Instant.parse("2025-03-03T09:00:00Z");

    @Test
    void numberBlacklistedAfterImportIsNeverDialed() {
        Simulation sim = new Simulation(51, CarrierModel.typical(), 10);
        sim.campaign(aProgressiveCampaign(1).build()).start();
        long blocked = sim.customer(1, "+84900000001");
        sim.customers(1, 20);
        sim.lists.blacklist("+84900000001");
        sim.bot("alice", 1, AgentBehaviour.typical());

        sim.runUntil(NINE.plus(Duration.ofHours(2)));

        assertThat(sim.callsTo(blocked)).isEmpty();
        assertThat(sim.state(1, blocked).status()).isEqualTo(CustomerStatus.BLOCKED);
        assertThat(sim.calls.refusals()).singleElement()
                .satisfies(refusal -> assertThat(refusal.refusal().reason()).isEqualTo(DialVerdict.Reason.BLOCKED));
        assertThat(sim.audit.violations()).isEmpty();
    }

    @Test
    void campaignsOfOneBusinessShareItsConcurrencyLimit() {
        Simulation sim = new Simulation(53, CarrierModel.typical(), 4);
        sim.campaign(aProgressiveCampaign(1).build()).start();
        sim.campaign(aProgressiveCampaign(2).build()).start();
        sim.customers(1, 200);
        sim.customers(2, 200);
        sim.bots("first", 5, 1);
        sim.bots("second", 5, 2);

        sim.runUntil(NINE.plus(Duration.ofHours(4)));

        assertThat(sim.audit.violations()).isEmpty();
        assertThat(sim.audit.mostOpenCalls()).isEqualTo(4);
        assertThat(sim.calls.calls()).anySatisfy(call -> assertThat(call.campaignId()).isEqualTo(1))
                .anySatisfy(call -> assertThat(call.campaignId()).isEqualTo(2));
    }

    @Test
    void crashMidCallClosesItAsNetworkErrorWithoutConsumingAnAttempt() {
        CarrierModel longTalks = new CarrierModel(1.0, 0, 0, 0, 0, Distribution.constant(Duration.ofSeconds(5)),
                Duration.ofSeconds(30), Distribution.constant(Duration.ofMinutes(20)),
                Distribution.constant(Duration.ofSeconds(1)), NumberRules.none());
        Simulation sim = new Simulation(59, longTalks, 10);
        CrashingScheduler crashingNode = new CrashingScheduler(sim.scheduler);
        BusinessDialer crashed = sim.dialerOn(crashingNode, 10);
        sim.campaign(aProgressiveCampaign(1).maxCalls(1).build(), crashed).start();
        long customer = sim.customers(1, 1).getFirst();
        sim.bot("alice", 1, AgentBehaviour.typical());
        sim.runUntil(NINE.plus(Duration.ofMinutes(1)));
        assertThat(sim.state(1, customer).isOnCall()).isTrue();

        crashingNode.crash();
        sim.campaign(aProgressiveCampaign(1).maxCalls(1).build()).start();
        sim.runUntil(NINE.plus(Duration.ofMinutes(5)));

        CallRecord call = sim.callsTo(customer).getFirst();
        assertThat(call.result()).contains(CallResult.NETWORK_ERROR);
        assertThat(sim.state(1, customer).status()).isEqualTo(CustomerStatus.ERROR);
        assertThat(sim.state(1, customer).cycleAttempts()).as("no attempt consumed").isZero();

        sim.runUntil(NINE.plus(Duration.ofHours(2)));
        assertThat(sim.callsTo(customer)).as("retried once its gap passed, nothing dialed twice at once").hasSize(2);
        assertThat(sim.audit.violations()).isEmpty();
    }

    /** A node's clock that stops acting when the node is killed: its tasks, and the events it would handle, are lost. */
    private static final class CrashingScheduler implements Scheduler {

        private final Scheduler time;
        private boolean crashed;

        CrashingScheduler(Scheduler time) {
            this.time = time;
        }

        void crash() {
            crashed = true;
        }

        @Override
        public Instant now() {
            return time.now();
        }

        @Override
        public Cancellable at(Instant when, Runnable task) {
            return time.at(when, () -> {
                if (!crashed) {
                    task.run();
                }
            });
        }
    }
}
