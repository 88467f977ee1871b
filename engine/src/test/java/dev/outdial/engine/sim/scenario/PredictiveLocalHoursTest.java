package dev.outdial.engine.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: "every clock hour that has at least 100 answered calls" is a local clock hour, the one a
 * regulator in India (+05:30) counts. Issue 6's 10-agent day of long talks (hours of about 130
 * answers, where one abandon is 0.8 %) run in Kolkata: counted in UTC hours, the budget left local
 * hours at 3.82 %, 3.51 % and 3.33 % on seeds 1 to 3.
 */
class PredictiveLocalHoursTest {

    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    static final Scenario TEN_AGENTS_IN_KOLKATA = PredictiveAbandonPromiseTest.TEN_AGENTS_FALLING.inZone(KOLKATA);

    @Test
    void aDayInIndiaKeepsTheLimitInEveryLocalClockHour() {
        for (long seed : List.of(1L, 2L, 3L)) {
            RunFigures day = ScenarioRunner.run(TEN_AGENTS_IN_KOLKATA, "predictive", seed);
            String what = String.format("seed %d: %d abandoned of %d answered", seed, day.abandoned(), day.answered());

            assertThat(day.abandonRate()).as(what).isLessThanOrEqualTo(TEN_AGENTS_IN_KOLKATA.maxAbandonRate());
            assertThat(day.maxCountedHourlyAbandonRate()).as(what + ", worst local hour of 100 answers or more")
                    .isLessThanOrEqualTo(TEN_AGENTS_IN_KOLKATA.maxAbandonRate());
            assertThat(day.violations()).as(what).isZero();
        }
    }

    @Test
    void aDayOnTheLocalClockIsTheSameDayWhateverTheZone() {
        // The day starts at 09:00 on the business's clock and its hours are that clock's: the pacing and the
        // figures count the same hours, so the zone changes nothing but the instants.
        assertThat(ScenarioRunner.run(TEN_AGENTS_IN_KOLKATA, "predictive", 2))
                .isEqualTo(ScenarioRunner.run(PredictiveAbandonPromiseTest.TEN_AGENTS_FALLING, "predictive", 2));
    }
}
