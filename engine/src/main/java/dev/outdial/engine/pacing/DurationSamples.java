package dev.outdial.engine.pacing;

import java.time.Duration;
import java.util.Arrays;

/**
 * The last durations observed of one kind (an agent's time from connection to free again, or from
 * a call's end to free again), to answer "how likely is an agent who has been at it for {@code e}
 * to be free within {@code h}?" from what this campaign's agents actually do, whatever the shape
 * of the distribution: P(S ≤ e + h | S > e), counted in the samples.
 */
final class DurationSamples {

    /** Enough to see the shape; few enough that a change of script shows within the hour. */
    private static final int CAPACITY = 400;
    /** Fewer than this say little about a tail: until then an agent is assumed busy, the safe side. */
    private static final int ENOUGH = 30;

    private final long[] ring = new long[CAPACITY];
    private int count;
    private int next;
    private long[] sorted = new long[0];
    private boolean stale;

    void add(Duration sample) {
        ring[next] = sample.toMillis();
        next = (next + 1) % CAPACITY;
        count = Math.min(count + 1, CAPACITY);
        stale = true;
    }

    int size() {
        return count;
    }

    /** The probability of ending within {@code horizon} after {@code elapsed}; 0 until enough samples (assume busy). */
    double endsWithin(Duration elapsed, Duration horizon) {
        if (count < ENOUGH) {
            return 0;
        }
        long[] snapshot = sortedSnapshot();
        long e = elapsed.toMillis();
        int doneBefore = countAtMost(snapshot, e);
        int still = snapshot.length - doneBefore;
        if (still == 0) {
            // Longer than anything seen: nothing tells us it will end soon.
            return 0;
        }
        return (double) (countAtMost(snapshot, e + horizon.toMillis()) - doneBefore) / still;
    }

    double meanSeconds() {
        return count == 0 ? 0 : Arrays.stream(sortedSnapshot()).average().orElse(0) / 1000;
    }

    private long[] sortedSnapshot() {
        if (stale) {
            sorted = Arrays.copyOf(ring, count);
            Arrays.sort(sorted);
            stale = false;
        }
        return sorted;
    }

    private static int countAtMost(long[] sorted, long value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] <= value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
