package dev.outdial.engine.simulation;

import static dev.outdial.engine.fixtures.CampaignSettingsBuilder.aPreviewCampaign;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.pacing.CampaignRunner;
import dev.outdial.engine.port.AgentUpdate;
import dev.outdial.engine.port.CallRecord;
import dev.outdial.engine.sim.CarrierModel;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PreviewCampaignSimulationTest {

    static final Instant NINE = Instant.parse("2025-03-03T09:00:00Z");

    Simulation sim = new Simulation(31, CarrierModel.typical(), 10);

    @Test
    void previewCampaignDialsByItselfAfterThePreviewTime() {
        sim.campaign(aPreviewCampaign(1).previewTime(Duration.ofSeconds(20)).build()).start();
        long customer = sim.customers(1, 5).getFirst();
        AgentId alice = sim.person("alice", 1);

        sim.runUntil(NINE.plus(Duration.ofMinutes(1)));

        assertThat(sim.shownTo(alice, AgentUpdate.CustomerOffered.class).getFirst().dialsAt())
                .contains(NINE.plusSeconds(20));
        CallRecord call = sim.callsTo(customer).getFirst();
        assertThat(call.queuedAt()).isEqualTo(NINE);
        assertThat(call.dialingAt()).isEqualTo(NINE.plusSeconds(20));
        assertThat(call.agent()).contains(alice);
    }

    @Test
    void agentMayDialAtOnce() {
        CampaignRunner preview = sim.campaign(aPreviewCampaign(1).previewTime(Duration.ofSeconds(20)).build());
        preview.start();
        long customer = sim.customers(1, 5).getFirst();
        AgentId alice = sim.person("alice", 1);
        sim.runUntil(NINE.plusSeconds(5));

        assertThat(preview.dialNow(alice).isPlaced()).isTrue();

        assertThat(sim.callsTo(customer).getFirst().dialingAt()).isEqualTo(NINE.plusSeconds(5));
        sim.runFor(Duration.ofMinutes(1));
        assertThat(sim.callsTo(customer)).hasSize(1);
    }

    @Test
    void skippedCustomerGoesToAnotherAgentNotBackToTheOneWhoSkipped() {
        CampaignRunner preview = sim.campaign(aPreviewCampaign(1).previewTime(Duration.ofSeconds(20)).build());
        preview.start();
        long first = sim.customers(1, 5).getFirst();
        AgentId alice = sim.person("alice", 1);
        sim.runUntil(NINE.plusSeconds(5));

        preview.skip(alice);
        AgentId bob = sim.person("bob", 1);
        sim.runFor(Duration.ofMinutes(1));

        assertThat(sim.shownTo(alice, AgentUpdate.CustomerOffered.class)).extracting(AgentUpdate.CustomerOffered::customerId)
                .startsWith(first, first + 1).containsOnlyOnce(first);
        assertThat(sim.callsTo(first)).extracting(CallRecord::agent).containsExactly(Optional.of(bob));
    }

    @Test
    void dayOfPreviewDialingByBotsKeepsEveryComplianceRule() {
        sim.campaign(aPreviewCampaign(1).build()).start();
        sim.customers(1, 300);
        sim.bots("agent", 5, 1);

        sim.runUntil(NINE.plus(Duration.ofHours(10)));

        assertThat(sim.audit.violations()).isEmpty();
        assertThat(sim.audit.dials()).isGreaterThan(100);
    }
}
