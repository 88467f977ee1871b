package dev.outdial.engine.simulation;

import static dev.outdial.engine.fixtures.CampaignSettingsBuilder.aPredictiveCampaign;
import static dev.outdial.engine.fixtures.CampaignSettingsBuilder.aProgressiveCampaign;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.pacing.DialStrategy;
import dev.outdial.engine.pacing.Dispatch;
import dev.outdial.engine.pacing.PacingView;
import dev.outdial.engine.pacing.PredictiveSettings;
import dev.outdial.engine.pacing.PredictiveStrategy;
import dev.outdial.engine.pacing.ProgressiveStrategy;
import dev.outdial.engine.port.CallRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: a pacing round counts the business's open calls (on a server, a query of the call records) only to
 * plan: not when no agent is free for the campaign, nor within a predictive plan's gap. A busy team's rounds,
 * one for each step of its calls, mostly end before a plan.
 */
class BusinessCallCountsTest {

    @Test
    void aBusyProgressiveTeamsRoundsCountTheBusinessCallsOnlyToPlan() {
        Simulation sim = new Simulation(3, CallStepSavesTest.FAST, 40);
        CountedPlans plans = new CountedPlans(new ProgressiveStrategy(Duration.ofSeconds(30)));
        sim.campaign(aProgressiveCampaign(1).wrapUp(Duration.ZERO).build(), plans).start();
        sim.customers(1, 3_000);
        sim.bots("agent", 40, 1, CallStepSavesTest.QUICK);
        sim.runUntil(CallStepSavesTest.NINE);

        sim.runFor(Duration.ofMinutes(2));

        assertThat(sim.calls.calls()).as("calls placed").hasSizeGreaterThan(1_000);
        assertThat(plans.count).isPositive();
        // Every round counted before (twice the plans here): those that found every agent on a call too.
        assertThat(sim.writes.businessCallCounts()).as("counts of the business's calls")
                .isLessThanOrEqualTo(plans.count);
        assertThat(sim.audit.violations()).isEmpty();
    }

    @Test
    void aPredictiveCampaignCountsTheBusinessCallsOnlyToPlan() {
        // Lines enough that the limit never stops a plan: a round that finds none counts, and does not plan.
        Simulation sim = new Simulation(4, CallStepSavesTest.FAST, 400);
        CountedPlans plans = new CountedPlans(
                new PredictiveStrategy(new PredictiveSettings(0.03, Duration.ofSeconds(5))));
        sim.campaign(aPredictiveCampaign(1).wrapUp(Duration.ZERO).build(), plans).start();
        sim.customers(1, 3_000);
        sim.bots("agent", 20, 1, CallStepSavesTest.QUICK);

        sim.runUntil(CallStepSavesTest.NINE.plus(Duration.ofMinutes(2)));

        assertThat(plans.count).isPositive();
        assertThat(sim.writes.businessCallCounts()).as("counts of the business's calls")
                .isLessThanOrEqualTo(plans.count);
        assertThat(sim.audit.violations()).isEmpty();
    }

    /** A strategy that counts the plans asked of it. */
    private static final class CountedPlans implements DialStrategy {

        private final DialStrategy strategy;
        private int count;

        CountedPlans(DialStrategy strategy) {
            this.strategy = strategy;
        }

        @Override
        public List<Dispatch> plan(PacingView view) {
            count++;
            return strategy.plan(view);
        }

        @Override
        public boolean agentsPull() {
            return strategy.agentsPull();
        }

        @Override
        public boolean needsAgents() {
            return strategy.needsAgents();
        }

        @Override
        public Optional<Duration> maxWait() {
            return strategy.maxWait();
        }

        @Override
        public Duration planGap() {
            return strategy.planGap();
        }

        @Override
        public void zoneChanged(ZoneId zone, Instant now) {
            strategy.zoneChanged(zone, now);
        }

        @Override
        public void observe(CallRecord call) {
            strategy.observe(call);
        }
    }
}
