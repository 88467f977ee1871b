package dev.outdial.live.internal;

import dev.outdial.live.LiveFigures;
import java.time.Duration;
import java.time.Instant;

/**
 * When a campaign's remaining customers will be handled at the recent pace: the customers that
 * left "Not Handled" between an earlier sample and now, per hour, divides the customers still
 * there. No pace (too short a window, or nobody finished) is an honest "unknown", never a guess.
 */
public final class CompletionEstimate {

    private CompletionEstimate() {
    }

    /**
     * @param finishedThen customers out of Not Handled at {@code then} (null when there is no sample)
     * @param finishedNow  customers out of Not Handled now
     * @param remaining    customers in Not Handled now
     * @param minWindow    the shortest stretch a pace is measured over
     */
    public static LiveFigures.Completion of(Instant then, Long finishedThen, Instant now, long finishedNow,
                                            long remaining, Duration minWindow) {
        if (remaining <= 0) {
            return new LiveFigures.Completion("DONE", 0, null, null);
        }
        if (then == null || finishedThen == null || Duration.between(then, now).compareTo(minWindow) < 0
                || finishedNow <= finishedThen) {
            return new LiveFigures.Completion("UNKNOWN", remaining, null, null);
        }
        double hours = Duration.between(then, now).toMillis() / 3_600_000.0;
        double perHour = (finishedNow - finishedThen) / hours;
        long seconds = Math.round(remaining / perHour * 3600);
        return new LiveFigures.Completion("ESTIMATED", remaining, perHour, now.plusSeconds(seconds));
    }
}
