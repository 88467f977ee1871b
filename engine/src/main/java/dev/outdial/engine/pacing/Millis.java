package dev.outdial.engine.pacing;

import java.time.Instant;

/**
 * Elapsed time in whole milliseconds without a {@code Duration} in between: the decays of the answer
 * rate and of the abandon budget ask it several times at every pacing round.
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
}
