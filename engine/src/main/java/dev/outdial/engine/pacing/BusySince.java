package dev.outdial.engine.pacing;

import java.util.Arrays;

/**
 * When each busy agent's current work began (in milliseconds), kept sorted as work begins and
 * ends, so a pacing round reads the elapsed times in order instead of gathering and sorting every
 * agent's: with 1,000 agents that gathering was most of a round. Equal times are interchangeable
 * (the same elapsed time gives the same chance of freeing), so a time is removed by value.
 */
final class BusySince {

    private long[] sorted = new long[16];
    private int count;

    void add(long sinceMillis) {
        if (count == sorted.length) {
            sorted = Arrays.copyOf(sorted, count * 2);
        }
        int found = Arrays.binarySearch(sorted, 0, count, sinceMillis);
        int at = found >= 0 ? found : -found - 1;
        System.arraycopy(sorted, at, sorted, at + 1, count - at);
        sorted[at] = sinceMillis;
        count++;
    }

    void remove(long sinceMillis) {
        int at = Arrays.binarySearch(sorted, 0, count, sinceMillis);
        if (at < 0) {
            throw new IllegalStateException("no busy agent since " + sinceMillis);
        }
        System.arraycopy(sorted, at + 1, sorted, at, count - at - 1);
        count--;
    }

    void clear() {
        count = 0;
    }

    int size() {
        return count;
    }

    /** The times, earliest first, in {@code [0, size())}; read-only, and valid until the next change. */
    long[] ascending() {
        return sorted;
    }
}
