package dev.outdial.engine.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.fixtures.Seeds;
import dev.outdial.engine.sim.Distribution;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The simulator's invariants on seeded days, for every strategy: no call past maximum calls, no
 * customer on two calls, never above the concurrency limit (the DialAudit counts each as a
 * violation), and predictive keeping the abandon limit over the day. A failure names its seed.
 */
class PacingInvariantsTest {

    static final List<String> STRATEGIES = List.of("predictive", "progressive", "fixed:2.5", "adaptive-baseline", "oracle");

    /** Two hours of 12 agents on short calls, the answer rate falling mid-way, a tight line limit. */
    static final Scenario SHORT_CALLS_FALLING = day("short calls, falling", 12, Duration.ofSeconds(45), true, 30);
    /** Two hours of 12 agents on long calls at a steady answer rate. */
    static final Scenario LONG_CALLS_STEADY = day("long calls, steady", 12, Duration.ofSeconds(180), false, 48);

    @Test
    void noStrategyBreaksMaximumCallsTwoCallsOrTheConcurrencyLimit() {
        Seeds.forEachSeed(2, random -> {
            long seed = random.nextLong();
            for (Scenario scenario : List.of(SHORT_CALLS_FALLING, LONG_CALLS_STEADY)) {
                for (String strategy : STRATEGIES) {
                    RunFigures day = ScenarioRunner.run(scenario, strategy, seed);

                    assertThat(day.violations()).as("%s, %s, seed %d", scenario.name(), strategy, seed).isZero();
                    assertThat(day.dials()).as("%s, %s, seed %d", scenario.name(), strategy, seed).isPositive();
                }
            }
        });
    }

    @Test
    void predictiveKeepsTheAbandonLimitOverTheDay() {
        for (long seed : List.of(11L, 12L, 13L)) {
            for (Scenario scenario : List.of(SHORT_CALLS_FALLING, LONG_CALLS_STEADY)) {
                RunFigures day = ScenarioRunner.run(scenario, "predictive", seed);

                assertThat(day.abandonRate()).as("%s, seed %d: %d abandoned of %d answered", scenario.name(), seed,
                        day.abandoned(), day.answered()).isLessThanOrEqualTo(scenario.maxAbandonRate());
                assertThat(day.violations()).as("%s, seed %d", scenario.name(), seed).isZero();
            }
        }
    }

    @Test
    void predictiveKeepsItsAgentsBusierThanProgressive() {
        for (long seed : List.of(11L, 12L)) {
            RunFigures predictive = ScenarioRunner.run(SHORT_CALLS_FALLING, "predictive", seed);
            RunFigures progressive = ScenarioRunner.run(SHORT_CALLS_FALLING, "progressive", seed);

            assertThat(predictive.occupancy()).as("seed %d", seed).isGreaterThan(progressive.occupancy() + 0.1);
        }
    }

    @Test
    void theOracleNeverLeavesAnAnsweredCustomerWaitingAndBeatsEveryRealStrategy() {
        for (long seed : List.of(11L, 12L)) {
            RunFigures oracle = ScenarioRunner.run(SHORT_CALLS_FALLING, "oracle", seed);

            assertThat(oracle.abandoned()).as("seed %d", seed).isZero();
            assertThat(oracle.meanWaitSeconds()).as("seed %d", seed).isZero();
            for (String strategy : List.of("predictive", "progressive", "adaptive-baseline")) {
                assertThat(oracle.occupancy()).as("%s, seed %d", strategy, seed)
                        .isGreaterThan(ScenarioRunner.run(SHORT_CALLS_FALLING, strategy, seed).occupancy());
            }
        }
    }

    @Test
    void strategiesOnOneSeedMeetTheSameCustomers() {
        // The n-th call to a number has the same fate whoever places it: progressive and fixed:1 place
        // the same calls (one per free agent), so they see the very same day.
        RunFigures progressive = ScenarioRunner.run(LONG_CALLS_STEADY, "progressive", 5);
        RunFigures oneToOne = ScenarioRunner.run(LONG_CALLS_STEADY, "fixed:1", 5);

        assertThat(oneToOne.answered()).isEqualTo(progressive.answered());
        assertThat(oneToOne.dials()).isEqualTo(progressive.dials());
    }

    private static Scenario day(String name, int agents, Duration talk, boolean falling, int lines) {
        List<Scenario.AnswerStep> answers = falling
                ? List.of(new Scenario.AnswerStep(Duration.ZERO, 0.35), new Scenario.AnswerStep(Duration.ofHours(1), 0.12))
                : List.of(new Scenario.AnswerStep(Duration.ZERO, 0.3));
        return new Scenario(name, 1, agents, agents * 400, Duration.ofHours(2), 0.03, Duration.ofSeconds(15), lines, 2,
                Duration.ofMinutes(20), answers, 0.1, Duration.ofSeconds(25),
                Distribution.logNormal(Duration.ofSeconds(8), 0.4), Distribution.logNormal(talk, 0.6),
                Distribution.uniform(Duration.ofSeconds(5), Duration.ofSeconds(20)),
                Distribution.exponential(Duration.ofSeconds(30)));
    }
}
