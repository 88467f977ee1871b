package dev.outdial.bench.sip;

import java.util.Arrays;

/** Durations in buckets of 10 µs up to 2 s, for percentiles without keeping every sample. */
final class Histogram {

    private static final long BUCKET_NANOS = 10_000;
    private final long[] counts = new long[200_000];
    private long total;

    synchronized void add(long nanos) {
        int bucket = (int) Math.min(counts.length - 1, Math.max(0, nanos / BUCKET_NANOS));
        counts[bucket]++;
        total++;
    }

    synchronized void clear() {
        Arrays.fill(counts, 0);
        total = 0;
    }

    synchronized long count() {
        return total;
    }

    /** The duration below which {@code fraction} of the samples lie, in milliseconds (bucket's upper edge). */
    synchronized double percentileMillis(double fraction) {
        if (total == 0) {
            return Double.NaN;
        }
        long rank = (long) Math.ceil(fraction * total);
        long seen = 0;
        for (int bucket = 0; bucket < counts.length; bucket++) {
            seen += counts[bucket];
            if (seen >= rank) {
                return (bucket + 1) * BUCKET_NANOS / 1e6;
            }
        }
        return counts.length * BUCKET_NANOS / 1e6;
    }
}
