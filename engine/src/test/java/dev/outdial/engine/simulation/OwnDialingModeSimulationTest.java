package dev.outdial.engine.simulation;

import static dev.outdial.engine.fixtures.CampaignSettingsBuilder.aPredictiveCampaign;
import static dev.outdial.engine.fixtures.CampaignSettingsBuilder.aProgressiveCampaign;
import static dev.outdial.engine.fixtures.CampaignSettingsBuilder.MONDAY_MORNING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.DialType;
import dev.outdial.engine.pacing.CampaignRunner;
import dev.outdial.engine.port.AgentUpdate;
import dev.outdial.engine.port.CallRecord;
import dev.outdial.engine.sim.CarrierModel;
import dev.outdial.engine.sim.CarrierOutcome;
import dev.outdial.engine.sim.NumberRules;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SPEC §4.3: "a customer may carry a dialing mode other than the campaign's (e.g. preview inside a predictive campaign)". */
class OwnDialingModeSimulationTest {

    static final Instant NINE = Instant.parse("2025-03-03T09:00:00Z");
    static final CarrierModel ANSWERING = CarrierModel.typical().withRules(new NumberRules(Map.of("1", CarrierOutcome.ANSWER)));

    @Test
    void aPreviewCustomerInAPredictiveCampaignIsShownToAnAgentThenDialedWithTheAgentOnTheLine() {
        Simulation sim = new Simulation(11, ANSWERING, 10);
        sim.campaign(aPredictiveCampaign(1).predictive(0.03, Duration.ofSeconds(20), Optional.empty()).build()).start();
        long previewed = sim.customers.add(1, "+84900000001", MONDAY_MORNING, DialType.PREVIEW);
        sim.audit.knows("+84900000001", 1, previewed);
        AgentId alice = sim.person("alice", 1);

        sim.runUntil(NINE.plus(Duration.ofMinutes(2)));

        AgentUpdate.CustomerOffered offer = offersTo(sim, alice).getFirst();
        assertThat(offer.customerId()).isEqualTo(previewed);
        assertThat(offer.dialsAt()).as("shown for a preview time first").isPresent();
        CallRecord call = sim.callsTo(previewed).getFirst();
        assertThat(call.agent()).as("dialed for the agent who previewed it, not for the pool").contains(alice);
        assertThat(call.dialingAt()).isEqualTo(offer.dialsAt().get());
        assertThat(sim.audit.violations()).isEmpty();
    }

    @Test
    void aPreviewCustomerSkippedInAPredictiveCampaignIsShownToAnotherAgent() {
        Simulation sim = new Simulation(13, ANSWERING, 10);
        CampaignRunner runner = sim.campaign(aPredictiveCampaign(1)
                .predictive(0.03, Duration.ofSeconds(20), Optional.empty()).build());
        runner.start();
        long previewed = sim.customers.add(1, "+84900000001", MONDAY_MORNING, DialType.PREVIEW);
        sim.audit.knows("+84900000001", 1, previewed);
        AgentId alice = sim.person("alice", 1);
        AgentId bob = sim.person("bob", 1);
        sim.runUntil(NINE.plusSeconds(1));
        AgentId first = offersTo(sim, alice).isEmpty() ? bob : alice;
        AgentId other = first.equals(alice) ? bob : alice;
        assertThat(offersTo(sim, first)).hasSize(1);

        runner.skip(first);
        sim.runUntil(NINE.plus(Duration.ofMinutes(2)));

        assertThat(offersTo(sim, first)).as("not back to the agent who skipped it").hasSize(1);
        assertThat(offersTo(sim, other)).extracting(AgentUpdate.CustomerOffered::customerId).containsExactly(previewed);
        assertThat(sim.callsTo(previewed).getFirst().agent()).contains(other);
    }

    @Test
    void aPreviewCustomerInAProgressiveCampaignIsShownBeforeItIsDialed() {
        Simulation sim = new Simulation(12, ANSWERING, 10);
        sim.campaign(aProgressiveCampaign(1).build()).start();
        long previewed = sim.customers.add(1, "+84900000001", MONDAY_MORNING, DialType.PREVIEW);
        sim.audit.knows("+84900000001", 1, previewed);
        AgentId alice = sim.person("alice", 1);

        sim.runUntil(NINE.plus(Duration.ofMinutes(2)));

        AgentUpdate.CustomerOffered offer = offersTo(sim, alice).getFirst();
        assertThat(offer.dialsAt()).isPresent();
        assertThat(sim.callsTo(previewed).getFirst().dialingAt()).isEqualTo(offer.dialsAt().get());
    }

    private static List<AgentUpdate.CustomerOffered> offersTo(Simulation sim, AgentId agent) {
        return sim.shown.stream().filter(shown -> shown.agent().equals(agent))
                .map(Simulation.Shown::update).filter(AgentUpdate.CustomerOffered.class::isInstance)
                .map(AgentUpdate.CustomerOffered.class::cast).toList();
    }
}
