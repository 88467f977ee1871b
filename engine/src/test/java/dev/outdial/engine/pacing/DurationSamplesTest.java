package dev.outdial.engine.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The ringing calls ask the share of samples longer than each call's age by walking the samples down
 * once a round ({@link DurationSamples#atMostWalkingDown}): it must count what a plain count of the
 * samples kept gives, for every age asked longest first, equal samples and the ring's turnover included.
 */
class DurationSamplesTest {

    @Test
    void walkingDownCountsTheSamplesAtMostEachAgeAskedLongestFirst() {
        Random random = new Random(15);
        DurationSamples samples = new DurationSamples();
        List<Long> kept = new ArrayList<>();
        for (int round = 0; round < 200; round++) {
            for (int i = random.nextInt(20); i > 0; i--) {
                long millis = random.nextInt(4) == 0 ? 1000 * random.nextInt(30) : random.nextLong(60_000);
                samples.add(Duration.ofMillis(millis));
                kept.add(millis);
            }
            // The ring keeps the last 400.
            List<Long> last = kept.subList(Math.max(0, kept.size() - 400), kept.size());
            int atMost = samples.size();
            long age = 70_000;
            while (age >= -1_000) {
                long asked = age;
                atMost = samples.atMostWalkingDown(atMost, asked);
                long counted = last.stream().filter(millis -> millis <= asked).count();
                assertThat(atMost).as("round %d, age %d", round, asked).isEqualTo(counted);
                assertThat(samples.shareLongerThan(atMost))
                        .isEqualTo(last.isEmpty() ? 0 : (double) (last.size() - counted) / last.size());
                // Sometimes the same age again, sometimes onto a whole second, where equal samples stand.
                int step = random.nextInt(3);
                age = step == 0 ? age : step == 1 ? Math.floorDiv(age - 1, 1000) * 1000 : age - random.nextLong(1, 3_000);
            }
        }
    }
}
