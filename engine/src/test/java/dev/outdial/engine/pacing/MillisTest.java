package dev.outdial.engine.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Millis#between} replaces {@code Duration.between(…).toMillis()} in the pacing round's decays,
 * and {@link Millis#sinceEpoch} {@code Instant.toEpochMilli()} in the clock hours, so they must give
 * the same number to the last millisecond, sub-millisecond parts, backwards and before 1970 included.
 */
class MillisTest {

    private static final Instant AT = Instant.parse("2026-12-03T05:00:00Z");

    @Test
    void truncatesAsDurationDoesAcrossSecondsAndBackwards() {
        Instant[] instants = {AT, AT.plusNanos(1), AT.plusNanos(999_999), AT.plusMillis(1), AT.plusNanos(1_000_001),
                AT.plusNanos(999_999_999), AT.plusSeconds(1), AT.plusSeconds(1).plusNanos(500_000), AT.minusNanos(1),
                AT.minusNanos(1_500_000), AT.minusSeconds(3600).plusNanos(250_000)};
        for (Instant from : instants) {
            for (Instant to : instants) {
                assertThat(Millis.between(from, to)).as("%s to %s", from, to)
                        .isEqualTo(Duration.between(from, to).toMillis());
            }
        }
    }

    @Test
    void agreesWithDurationOnRandomInstantsOfADay() {
        Random random = new Random(15);
        for (int i = 0; i < 100_000; i++) {
            Instant from = AT.plusNanos(random.nextLong(86_400_000_000_000L));
            Instant to = AT.plusNanos(random.nextLong(86_400_000_000_000L));
            assertThat(Millis.between(from, to)).isEqualTo(Duration.between(from, to).toMillis());
        }
    }

    @Test
    void countsAnInstantsMillisecondsAsToEpochMilliDoes() {
        Instant[] instants = {AT, AT.plusNanos(999_999), AT.plusNanos(1_000_001), AT.minusNanos(1), Instant.EPOCH,
                Instant.EPOCH.minusNanos(1), Instant.EPOCH.minusNanos(1_500_000), Instant.EPOCH.minusSeconds(7200).plusNanos(1)};
        for (Instant at : instants) {
            assertThat(Millis.sinceEpoch(at)).as("%s", at).isEqualTo(at.toEpochMilli());
        }
        Random random = new Random(15);
        for (int i = 0; i < 100_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(-4_000_000_000L, 4_000_000_000L), random.nextInt(1_000_000_000));
            assertThat(Millis.sinceEpoch(at)).isEqualTo(at.toEpochMilli());
        }
    }
}
