package dev.outdial.engine.pacing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Objects;

/**
 * The clock hours of a zone, as a regulator and the contact center count them: an abandon limit
 * held "in every clock hour" is held in the business's local hours, which in India (+05:30), Nepal
 * (+05:45) or Newfoundland (−03:30) each straddle two UTC hours.
 *
 * <p>An hour is the instants whose local time has the same hour <em>and</em> the same offset, named
 * by its first instant. So every instant is in exactly one hour, and hours follow each other in
 * time across a change of the clocks: the hour repeated when the clocks go back is two hours (one
 * in each offset), the hour skipped when they go forward is none, and where the clocks move by half
 * an hour (Lord Howe Island) the hour of the change is split at it.
 *
 * <p>Asked at every pacing round, so the offset is read from the zone's rules only when an instant
 * falls outside the stretch between two transitions that it was last read for (never, for a fixed
 * offset such as UTC). Not thread-safe: each campaign's pacing, on its one thread, has its own.
 */
public final class ClockHours {

    private static final long HOUR_MILLIS = Duration.ofHours(1).toMillis();

    private final ZoneRules rules;
    /** The offset last read, in milliseconds, and the stretch [{@link #validFrom}, {@link #validUntil}) it holds for. */
    private long offsetMillis;
    private long validFrom;
    private long validUntil;
    /**
     * The hour last named, [{@link #hourFrom}, {@link #hourUntil}): the budget asks several times a round,
     * nearly always within the same hour, so the offset and the hour are worked out only when it leaves it.
     */
    private long hourFrom = Long.MAX_VALUE;
    private long hourUntil = Long.MIN_VALUE;

    public ClockHours(ZoneId zone) {
        this.rules = Objects.requireNonNull(zone, "zone").getRules();
        if (rules.isFixedOffset()) {
            offsetMillis = rules.getOffset(Instant.EPOCH).getTotalSeconds() * 1000L;
            validFrom = Long.MIN_VALUE;
            validUntil = Long.MAX_VALUE;
        } else {
            // Empty: the first question reads the offset.
            validFrom = Long.MAX_VALUE;
            validUntil = Long.MIN_VALUE;
        }
    }

    /** The hours of UTC: the simulator's scenarios without a zone, and tests. */
    public static ClockHours utc() {
        return new ClockHours(ZoneOffset.UTC);
    }

    /** The first instant, in epoch milliseconds, of the clock hour {@code at} is in: the hour's name. */
    public long hourOf(Instant at) {
        long millis = Millis.sinceEpoch(at);
        if (millis >= hourFrom && millis < hourUntil) {
            return hourFrom;
        }
        offsetAt(millis);
        long localHourStart = Math.floorDiv(millis + offsetMillis, HOUR_MILLIS) * HOUR_MILLIS;
        // The clocks changed within this local hour: its part before the change was another hour.
        hourFrom = Math.max(localHourStart - offsetMillis, validFrom);
        // …and one they change in ends at the change.
        hourUntil = Math.min(localHourStart + HOUR_MILLIS - offsetMillis, validUntil);
        return hourFrom;
    }

    /** The share of {@code at}'s clock hour still to come, above 0 and at most 1. */
    public double restOfHour(Instant at) {
        long millis = Millis.sinceEpoch(at);
        offsetAt(millis);
        long localHourEnd = (Math.floorDiv(millis + offsetMillis, HOUR_MILLIS) + 1) * HOUR_MILLIS;
        // An hour the clocks change in ends at the change (a half-hour change leaves it short).
        long end = Math.min(localHourEnd - offsetMillis, validUntil);
        return (end - millis) / (double) HOUR_MILLIS;
    }

    private void offsetAt(long millis) {
        if (millis >= validFrom && millis < validUntil) {
            return;
        }
        Instant at = Instant.ofEpochMilli(millis);
        offsetMillis = rules.getOffset(at).getTotalSeconds() * 1000L;
        // previousTransition is strictly before its argument: a nanosecond on, it finds one exactly at the instant.
        ZoneOffsetTransition previous = rules.previousTransition(at.plusNanos(1));
        ZoneOffsetTransition next = rules.nextTransition(at);
        validFrom = previous == null ? Long.MIN_VALUE : previous.toEpochSecond() * 1000;
        validUntil = next == null ? Long.MAX_VALUE : next.toEpochSecond() * 1000;
    }
}
