package dev.outdial.engine.simulation;

import static dev.outdial.engine.fixtures.CampaignSettingsBuilder.aProgressiveCampaign;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.pacing.CampaignRunner;
import dev.outdial.engine.pacing.DialStrategy;
import dev.outdial.engine.pacing.Dispatch;
import dev.outdial.engine.pacing.PacingView;
import dev.outdial.engine.sim.CarrierModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A strategy's plan gap (predictive: a tenth of a second): the rounds an event wakes within the gap
 * do not plan, and one round at the gap's end plans for what came since, unasked.
 */
class PlanGapSimulationTest {

    /** When the office hours of the campaigns built for tests open. */
    static final Instant NINE = Instant.parse("2025-03-03T09:00:00Z");

    final List<Instant> plans = new ArrayList<>();
    final DialStrategy planningEverySecond = new DialStrategy() {
        @Override
        public List<Dispatch> plan(PacingView view) {
            plans.add(view.now());
            return List.of();
        }

        @Override
        public Duration planGap() {
            return Duration.ofSeconds(1);
        }
    };

    @Test
    void anEventWithinTheGapIsPlannedForAtItsEnd() {
        Simulation sim = new Simulation(1, CarrierModel.typical(), 10);
        CampaignRunner campaign = sim.campaign(aProgressiveCampaign(1).build(), planningEverySecond);
        campaign.start();
        sim.person("alice", 1);
        sim.runUntil(NINE.plusMillis(200));
        assertThat(plans).as("the working hours open, alice free: planned at once").containsExactly(NINE);

        sim.person("bob", 1);
        sim.runUntil(NINE.plusMillis(900));
        assertThat(plans).as("bob came within the gap").containsExactly(NINE);
        assertThat(campaign.whyNotDialing()).as("the last plan's word").isEmpty();

        sim.runUntil(NINE.plusSeconds(5));
        assertThat(plans).as("the gap's end planned for bob, and nothing since asked")
                .containsExactly(NINE, NINE.plusSeconds(1));
    }
}
