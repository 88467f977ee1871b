package dev.outdial.engine.pacing;

import java.time.Instant;

/**
 * Elapsed time, and an instant, in whole milliseconds without a {@code Duration} or an overflow check
 * in between: the decays of the answer rate, the abandon budget and its clock hours ask several times
 * at every pacing round.
 */
final class Millis {

    private static final int NANOS_PER_SECOND = 1_000_000_000;
    private static final int NANOS_PER_MILLI = 1_000_000;

    private Millis() {
    }

    /**
     * Exactly {@code Duration.between(from, to).toMillis()}: the difference normalised to seconds and
     * a nanosecond part in [0, 1 s), as {@code Duration} holds it, then truncated towards zero as
     * {@code toMillis} does, so a decision that reads it sees the same number.
     */
    static long between(Instant from, Instant to) {
        long seconds = to.getEpochSecond() - from.getEpochSecond();
        long nanos = to.getNano() - from.getNano();
        if (nanos < 0) {
            seconds--;
            nanos += NANOS_PER_SECOND;
        }
        if (seconds < 0) {
            seconds++;
            nanos -= NANOS_PER_SECOND;
        }
        return seconds * 1000 + nanos / NANOS_PER_MILLI;
    }

    /**
     * Exactly {@link Instant#toEpochMilli()} but for its overflow checks, which fail only some 292
     * million years from 1970: the clock hours ask it several times at every pacing round, and
     * {@code toEpochMilli}'s checked multiplication showed in the profile.
     */
    static long sinceEpoch(Instant at) {
        return at.getEpochSecond() * 1000 + at.getNano() / NANOS_PER_MILLI;
    }
}
