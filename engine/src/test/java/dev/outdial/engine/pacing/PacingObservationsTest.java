package dev.outdial.engine.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.CallRecord;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PacingObservationsTest {

    static final Instant NINE = Instant.parse("2025-03-03T09:00:00Z");

    /** One dial every 2 s for {@code seconds}, each answered by a person with {@code answerRate}. */
    static Instant dial(PacingObservations observations, Random random, Instant from, int seconds, double answerRate) {
        Instant at = from;
        for (int i = 0; i < seconds / 2; i++) {
            at = at.plusSeconds(2);
            boolean answered = random.nextDouble() < answerRate;
            observations.observe(new CallRecord(new CallId("c" + at.toEpochMilli()), 1, 1, 1, "0900000000", "1900",
                    Optional.empty(), at.minusSeconds(10), at.minusSeconds(10), Optional.of(at.minusSeconds(8)),
                    answered ? Optional.of(at.minusSeconds(2)) : Optional.empty(), Optional.empty(), Optional.of(at),
                    Optional.of(answered ? CallResult.SUCCESS : CallResult.NOANSWER), Optional.empty()));
        }
        return at;
    }

    @Test
    void anAnswerRateSteadyForAnHourIsSteady() {
        PacingObservations observations = new PacingObservations();

        Instant now = dial(observations, new Random(7), NINE, 7200, 0.30);

        assertThat(observations.answerRateSteadiness(now, 10)).isGreaterThan(0.5);
    }

    @Test
    void tooFewAnswersAreNotYetSteady() {
        PacingObservations observations = new PacingObservations();

        Instant now = dial(observations, new Random(7), NINE, 600, 0.30);

        assertThat(observations.answerRateSteadiness(now, 10)).isZero();
    }

    @Test
    void anAnswerRateThatFallsIsNotSteadyAndEarnsItBackOnlyWithNewAnswers() {
        PacingObservations observations = new PacingObservations();
        Random random = new Random(7);
        Instant noon = dial(observations, random, NINE, 3 * 3600, 0.35);

        Instant afterDrop = dial(observations, random, noon, 600, 0.12);

        assertThat(observations.answerRateSteadiness(afterDrop, 10)).as("ten minutes after 35 %% fell to 12 %%").isZero();
        Instant aLittleLater = dial(observations, random, afterDrop, 600, 0.12);
        assertThat(observations.answerRateSteadiness(aLittleLater, 10)).as("too few answers since the drift").isZero();
    }
}
