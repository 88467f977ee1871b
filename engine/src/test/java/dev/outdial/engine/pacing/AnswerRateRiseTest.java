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
    /** Lags of a read whose answers are all in, and of one a ring ago whose answers are not. */
    static final Duration ALL_IN = Duration.ofSeconds(60);
    static final Duration A_RING = Duration.ofSeconds(9);

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

        assertThat(rise.atLeast(0.3, NINE.plusSeconds(630), LAG, LAG)).as("the minute read is all before the rise")
                .isEqualTo(0.3);
        assertThat(rise.atLeast(0.3, NINE.plusSeconds(720), LAG, LAG)).as("a minute of dials at the new rate, in")
                .isCloseTo(0.7, within(0.1));
    }

    @Test
    void aSteadyRateAndAFallAreLeftToTheDecayingRate() {
        dial(NINE, 600, 0.3);
        for (int s = 120; s <= 600; s += 7) {
            assertThat(rise.atLeast(0.3, NINE.plusSeconds(s), LAG, LAG)).as("noise, at %d s", s).isEqualTo(0.3);
        }
        dial(NINE.plusSeconds(600), 120, 0.1);
        assertThat(rise.atLeast(0.3, NINE.plusSeconds(720), LAG, LAG)).as("a fall").isEqualTo(0.3);
    }

    @Test
    void tooFewDialsSayNothing() {
        rise.dialed(NINE, 10);
        for (int i = 0; i < 10; i++) {
            rise.answered(NINE);
        }
        assertThat(rise.atLeast(0.2, NINE.plusSeconds(40), LAG, LAG)).isEqualTo(0.2);
    }

    @Test
    void theMinuteUpToARingAgoReadsARiseBeforeItsAnswersAreAllIn() {
        dial(NINE, 600, 0.3);
        dial(NINE.plusSeconds(600), 30, 0.7);

        assertThat(rise.atLeast(0.3, NINE.plusSeconds(630), ALL_IN, ALL_IN)).as("the complete minute is all before it")
                .isEqualTo(0.3);
        assertThat(rise.atLeast(0.3, NINE.plusSeconds(640), ALL_IN, A_RING)).as("half a minute of the new rate, a ring ago")
                .isGreaterThan(0.4);
    }

    @Test
    void aRiseReadIsHeldAtWhatTheCompleteMinutesReadUntilTheyReadNoMoreThanTheSlowRate() {
        dial(NINE, 600, 0.3);
        dial(NINE.plusSeconds(600), 60, 0.7);
        dial(NINE.plusSeconds(660), 90, 0.36);
        dial(NINE.plusSeconds(750), 120, 0.1);

        assertThat(rise.atLeast(0.3, NINE.plusSeconds(690), LAG, LAG)).as("the rise, in the minute or its last seconds")
                .isGreaterThan(0.6);
        // A minute only a little above the slow rate is no rise by itself, but the rate it reads stands:
        // the slow rate is the stale one.
        double held = rise.atLeast(0.3, NINE.plusSeconds(760), LAG, LAG);
        assertThat(held).as("held at the minute's rate").isGreaterThan(0.3).isLessThan(0.5);
        assertThat(rise.atLeast(0.3, NINE.plusSeconds(870), LAG, LAG)).as("released by a minute at the old rate or below")
                .isEqualTo(0.3);
        assertThat(rise.atLeast(0.3, NINE.plusSeconds(871), LAG, LAG)).as("and not held again").isEqualTo(0.3);
    }

    @Test
    void aStepShowsInTheLastFifteenSecondsUndilutedByTheMinuteBeforeIt() {
        dial(NINE, 600, 0.3);
        dial(NINE.plusSeconds(600), 20, 0.9);

        // The minute up to a ring ago reads (80 x 0.3 + 40 x 0.9) / 120 = 0.5; its last 15 s, 0.9.
        assertThat(rise.atLeast(0.3, NINE.plusSeconds(629), ALL_IN, A_RING)).isGreaterThan(0.75);
    }

    @Test
    void theDialsOfASpanOfSecondsAreCountedBothEndsIncludedAndNoneOlderThanKept() {
        long nine = NINE.getEpochSecond();
        rise.dialed(NINE, 5);
        rise.dialed(NINE.plusSeconds(15), 7);
        rise.dialed(NINE.plusSeconds(16), 11);

        assertThat(rise.dialedBetween(nine + 1, nine + 16)).isEqualTo(18);
        assertThat(rise.dialedBetween(nine, nine + 15)).isEqualTo(12);
        assertThat(rise.dialedBetween(nine + 17, nine + 30)).isZero();

        // Ten minutes on, the second of the first dials is written over by a new one: it counts no more.
        rise.dialed(NINE.plusSeconds(600), 3);
        assertThat(rise.dialedBetween(nine, nine + 600)).isEqualTo(21);
    }
}
