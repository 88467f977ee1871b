package dev.outdial.engine.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The ringing calls' dial times held what a sorted map of time to count held before (the map is kept
 * here as the model): dials mostly at the latest time, sometimes earlier, taken off by the nearest time
 * (the earlier of two as near) and by age, through the arrays' moves and growth.
 */
class DialTimesTest {

    @Test
    void holdsWhatASortedMapOfTimesAndCountsHolds() {
        Random random = new Random(21);
        DialTimes times = new DialTimes();
        TreeMap<Long, Integer> model = new TreeMap<>();
        long now = 1_000_000;
        int most = 0;
        for (int step = 0; step < 200_000; step++) {
            int action = random.nextInt(10);
            if (action < 4) {
                now += random.nextInt(3) == 0 ? 0 : random.nextInt(300);
                // One in twenty dials reported at an earlier time than the latest.
                long at = random.nextInt(20) == 0 ? now - random.nextInt(5_000) : now;
                int count = 1 + random.nextInt(4);
                times.add(at, count);
                model.merge(at, count, Integer::sum);
            } else if (action < 9) {
                long millis = now - random.nextInt(60_000);
                assertThat(times.removeOneNearest(millis)).isEqualTo(removeOneNearest(model, millis));
            } else {
                long before = now - random.nextInt(200_000);
                int removed = 0;
                while (!model.isEmpty() && model.firstKey() < before) {
                    removed += model.pollFirstEntry().getValue();
                }
                assertThat(times.removeBefore(before)).isEqualTo(removed);
            }
            most = Math.max(most, model.size());
            if (step % 97 == 0 || model.size() < 3) {
                assertThat(held(times)).as("step %d", step).isEqualTo(new ArrayList<>(model.entrySet()));
            }
        }
        assertThat(held(times)).isEqualTo(new ArrayList<>(model.entrySet()));
        assertThat(most).as("times held at once, past the arrays' first 64 and 128").isGreaterThan(128);
    }

    @Test
    void nothingHeldHasNothingToTakeOff() {
        DialTimes times = new DialTimes();

        assertThat(times.removeOneNearest(5)).isFalse();
        assertThat(times.removeBefore(10)).isZero();
        assertThat(times.size()).isZero();
    }

    /** What the map-based ringing calls did: the exact time, else the nearer neighbour, the earlier on a tie. */
    private static boolean removeOneNearest(TreeMap<Long, Integer> model, long millis) {
        Long below = model.floorKey(millis);
        Long above = model.ceilingKey(millis);
        Long at = below == null || above == null ? (below == null ? above : below)
                : below == millis ? below : millis - below <= above - millis ? below : above;
        if (at == null) {
            return false;
        }
        model.computeIfPresent(at, (ignored, count) -> count == 1 ? null : count - 1);
        return true;
    }

    private static List<Map.Entry<Long, Integer>> held(DialTimes times) {
        List<Map.Entry<Long, Integer>> held = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            held.add(Map.entry(times.time(i), times.count(i)));
        }
        return held;
    }
}
