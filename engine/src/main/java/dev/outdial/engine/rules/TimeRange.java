package dev.outdial.engine.rules;

import java.time.LocalTime;
import java.util.Objects;

/**
 * A range of local time within one day, start included, end excluded. An end of
 * {@link LocalTime#MIDNIGHT} means the end of the day, so 18:00–00:00 is the evening.
 */
public record TimeRange(LocalTime start, LocalTime end) {

    public TimeRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!endsAtMidnight(end) && !start.isBefore(end)) {
            throw new IllegalArgumentException("the range " + describe(start, end) + " ends before it starts");
        }
    }

    public static TimeRange of(String start, String end) {
        return new TimeRange(LocalTime.parse(start), LocalTime.parse(end));
    }

    public boolean contains(LocalTime time) {
        return containsNanoOfDay(time.toNanoOfDay());
    }

    /** {@link #contains} of the time {@code nanoOfDay} nanoseconds after midnight, without making the time. */
    boolean containsNanoOfDay(long nanoOfDay) {
        return nanoOfDay >= start.toNanoOfDay() && (endsAtMidnight(end) || nanoOfDay < end.toNanoOfDay());
    }

    /** Whether the two ranges share a moment; ranges that only touch (12:00–13:00, 13:00–14:00) do not. */
    public boolean overlaps(TimeRange other) {
        return startsBeforeEndOf(this, other) && startsBeforeEndOf(other, this);
    }

    private static boolean startsBeforeEndOf(TimeRange range, TimeRange other) {
        return endsAtMidnight(other.end) || range.start.isBefore(other.end);
    }

    static boolean endsAtMidnight(LocalTime end) {
        return end.equals(LocalTime.MIDNIGHT);
    }

    private static String describe(LocalTime start, LocalTime end) {
        return start + "–" + (endsAtMidnight(end) ? "24:00" : end.toString());
    }

    @Override
    public String toString() {
        return describe(start, end);
    }
}
