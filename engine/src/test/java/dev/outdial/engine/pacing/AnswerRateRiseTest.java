package dev.outdial.engine.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Issue 15: a rise of the answer rate read from the last minute's dials, not after minutes of decay. */
class AnswerRateRiseTest {

    static final Instant NINE = Instant.parse("2025-03-03T09:00:00Z");
    static final Duration LAG = Duration.ofSeconds(30);

    final AnswerRateRise rise = new AnswerRateRise();
    final Random random = new Random(7);

    /** Two dials a second from {@code from} for {@code seconds}, each answered by a person with {@code rate}. */
    void dial(Instant from, int seconds, double rate) {
        for (int s = 0; s < seconds; s++) {
            Instant at = from.plusSeconds(s);
            rise.dialed(at, 2);
            for (int d = 0; d < 2; d++) {
                if (random.nextDouble() < rate) {
                    rise.answered(at);
                }
            }
        }
    }

    @Test
    void aRiseBeyondTheNoiseIsReadOnceTheMinutesAnswersAreIn() {
        dial(NINE, 600, 0.3);
        dial(NINE.plusSeconds(600), 120, 0.7);

        assertThat(rise.atLeast(0.3, NINE.plusSeconds(630), LAG)).as("the minute read is all before the rise")
                .isEqualTo(0.3);
        assertThat(rise.atLeast(0.3, NINE.plusSeconds(720), LAG)).as("a minute of dials at the new rate, in")
                .isCloseTo(0.7, within(0.1));
    }

    @Test
    void aSteadyRateAndAFallAreLeftToTheDecayingRate() {
        dial(NINE, 600, 0.3);
        for (int s = 120; s <= 600; s += 7) {
            assertThat(rise.atLeast(0.3, NINE.plusSeconds(s), LAG)).as("noise, at %d s", s).isEqualTo(0.3);
        }
        dial(NINE.plusSeconds(600), 120, 0.1);
        assertThat(rise.atLeast(0.3, NINE.plusSeconds(720), LAG)).as("a fall").isEqualTo(0.3);
    }

    @Test
    void tooFewDialsSayNothing() {
        rise.dialed(NINE, 10);
        for (int i = 0; i < 10; i++) {
            rise.answered(NINE);
        }
        assertThat(rise.atLeast(0.2, NINE.plusSeconds(40), LAG)).isEqualTo(0.2);
    }
}
