package dev.outdial.engine.simulation;

import static dev.outdial.engine.fixtures.CampaignSettingsBuilder.aProgressiveCampaign;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.pacing.CampaignRunner;
import dev.outdial.engine.sim.AgentBehaviour;
import dev.outdial.engine.sim.CarrierModel;
import org.junit.jupiter.api.Test;

/**
 * A bot counts as seated only for the campaign and the runner it works under, so seating a campaign's
 * bots again (issue 18's reliability run, after a node took a business over) leaves the bots at work
 * alone and replaces those serving a runner that is gone.
 */
class SimulatedSeatsTest {

    @Test
    void aBotIsSeatedForTheCampaignAndTheRunnerItWorksUnderOnly() {
        Simulation sim = new Simulation(5, CarrierModel.typical(), 1);
        CampaignRunner first = sim.campaign(aProgressiveCampaign(1).build());
        CampaignRunner second = sim.campaign(aProgressiveCampaign(2).build());
        sim.bot("alice", 1, AgentBehaviour.typical());

        AgentId alice = AgentId.of("alice");
        assertThat(sim.bots.seated(alice, 1, first)).isTrue();
        assertThat(sim.bots.seated(alice, 1, second)).as("the campaign run anew").isFalse();
        assertThat(sim.bots.seated(alice, 2, second)).as("another campaign").isFalse();
        assertThat(sim.bots.seated(AgentId.of("bob"), 1, first)).as("nobody in that seat").isFalse();
    }
}
