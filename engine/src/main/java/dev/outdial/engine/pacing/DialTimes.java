package dev.outdial.engine.pacing;

import java.util.Arrays;

/**
 * Dial times in milliseconds, each with how many dials were placed then, in ascending order: what
 * {@link RingingCalls} holds of the dials still ringing. Dials come at the latest time and go from
 * anywhere, mostly near the oldest; a round reads them all, oldest first. Kept in two arrays instead
 * of a sorted map of boxed times and counts: walking the map's entries at every round (a pointer chased
 * per entry) was 3 % of a compiled 200-agent day.
 */
final class DialTimes {

    private long[] times = new long[64];
    private int[] counts = new int[64];
    /** The times held are those in [{@link #first}, {@link #end}), ascending and distinct, each count above 0. */
    private int first;
    private int end;

    /** Adds {@code count} dials (above 0) placed at {@code millis}. */
    void add(long millis, int count) {
        if (end > first && times[end - 1] == millis) {
            counts[end - 1] += count;
            return;
        }
        int at = end > first && times[end - 1] > millis ? search(millis) : end;
        if (at < end && times[at] == millis) {
            counts[at] += count;
            return;
        }
        at -= makeRoom();
        System.arraycopy(times, at, times, at + 1, end - at);
        System.arraycopy(counts, at, counts, at + 1, end - at);
        times[at] = millis;
        counts[at] = count;
        end++;
    }

    /** Takes off the times before {@code millis}: how many dials they held. */
    int removeBefore(long millis) {
        int removed = 0;
        while (first < end && times[first] < millis) {
            removed += counts[first];
            first++;
        }
        return removed;
    }

    /**
     * Takes one dial placed at {@code millis} off, or one of the nearest time held (the earlier of two as
     * near); false when none is held.
     */
    boolean removeOneNearest(long millis) {
        if (first == end) {
            return false;
        }
        int at = search(millis);
        if (at == end || (times[at] != millis && at > first && millis - times[at - 1] <= times[at] - millis)) {
            at--;
        }
        if (--counts[at] == 0) {
            System.arraycopy(times, at + 1, times, at, end - at - 1);
            System.arraycopy(counts, at + 1, counts, at, end - at - 1);
            end--;
        }
        return true;
    }

    /** How many times are held; they are read by index, oldest first, below this. */
    int size() {
        return end - first;
    }

    long time(int index) {
        return times[first + index];
    }

    int count(int index) {
        return counts[first + index];
    }

    /** The place of the first time held at or after {@code millis} ({@link #end} when none). */
    private int search(long millis) {
        int found = Arrays.binarySearch(times, first, end, millis);
        return found >= 0 ? found : -found - 1;
    }

    /**
     * Room for one more time after {@link #end}: the times moved to the front, or the arrays grown;
     * how far they moved back.
     */
    private int makeRoom() {
        if (end < times.length) {
            return 0;
        }
        int moved = first;
        if (first > times.length / 2) {
            System.arraycopy(times, first, times, 0, end - first);
            System.arraycopy(counts, first, counts, 0, end - first);
        } else {
            times = Arrays.copyOfRange(times, first, first + times.length * 2);
            counts = Arrays.copyOfRange(counts, first, first + counts.length * 2);
        }
        end -= first;
        first = 0;
        return moved;
    }
}
