package dev.outdial.engine.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outdial.engine.sim.Distribution;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioRunnerTest {

    static final Scenario FALLING_ANSWER_RATE = new Scenario("falling", 1, 15, 6_000, Duration.ofHours(4), 0.03,
            Duration.ofSeconds(15), 100, 3, Duration.ofMinutes(30),
            List.of(new Scenario.AnswerStep(Duration.ZERO, 0.35), new Scenario.AnswerStep(Duration.ofHours(2), 0.12)),
            0.1, Duration.ofSeconds(25), Distribution.logNormal(Duration.ofSeconds(8), 0.4),
            Distribution.logNormal(Duration.ofSeconds(120), 0.6), Distribution.uniform(Duration.ofSeconds(5),
            Duration.ofSeconds(20)), Distribution.exponential(Duration.ofSeconds(30)));

    @Test
    void theSameSeedGivesTheSameDay() {
        assertThat(ScenarioRunner.run(FALLING_ANSWER_RATE, "predictive", 9))
                .isEqualTo(ScenarioRunner.run(FALLING_ANSWER_RATE, "predictive", 9))
                .isNotEqualTo(ScenarioRunner.run(FALLING_ANSWER_RATE, "predictive", 10));
    }

    @Test
    void predictiveKeepsTheLimitOverTheDayWithoutAViolation() {
        RunFigures figures = ScenarioRunner.run(FALLING_ANSWER_RATE, "predictive", 4);

        assertThat(figures.violations()).isZero();
        assertThat(figures.abandonRate()).isLessThanOrEqualTo(0.03);
        assertThat(figures.connected()).isPositive();
        assertThat(figures.occupancy()).isBetween(0.0, 1.0);
    }

    @Test
    void everyBaselineRunsWithoutAViolation() {
        for (String strategy : List.of("progressive", "fixed:1.5", "adaptive-baseline")) {
            assertThat(ScenarioRunner.run(FALLING_ANSWER_RATE, strategy, 4).violations()).as(strategy).isZero();
        }
    }

    @Test
    void customersAreNumberedAsTheFormatterWouldInSevenDigitsOrMore() {
        // The numbers seed every call's fate: the same day needs the same strings.
        for (int i : new int[] {0, 7, 42, 999_999, 1_000_000, 9_999_999, 12_345_678}) {
            assertThat(ScenarioRunner.customerNumber(i)).isEqualTo(String.format("+8490%07d", i));
        }
    }

    @Test
    void anUnknownStrategyIsNamedInTheError() {
        assertThatThrownBy(() -> ScenarioRunner.run(FALLING_ANSWER_RATE, "fastest", 1))
                .hasMessageContaining("'fastest'");
        assertThatThrownBy(() -> ScenarioRunner.run(FALLING_ANSWER_RATE, "fixed:x", 1))
                .hasMessageContaining("'x'");
    }
}
