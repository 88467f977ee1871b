package dev.outdial.shared;

import java.time.Instant;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * What every supported database stores exactly. PostgreSQL refuses a NUL character in text and
 * instants far outside the calendar (H2 takes both), and a lone UTF-16 surrogate becomes "?" on
 * the way in: such input is refused up front, the same on every database, rather than failing
 * deep in a query or being stored altered.
 */
public final class StorableValues {

    /** The years a timestamp may fall in: generous for any campaign, well inside PostgreSQL's range. */
    public static final int FIRST_YEAR = 1;
    public static final int LAST_YEAR = 9999;
    public static final String TEXT_MESSAGE = "validation.unstorable-text";
    public static final String TIME_MESSAGE = "validation.year-range";

    private StorableValues() {
    }

    /** Whether the text has neither a NUL character nor half of a surrogate pair. */
    public static boolean isStorable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a date or an instant falls within {@link #FIRST_YEAR} and {@link #LAST_YEAR} (UTC for an instant). */
    public static boolean isStorable(TemporalAccessor time) {
        long year = time instanceof Instant instant
                ? instant.atOffset(java.time.ZoneOffset.UTC).getLong(ChronoField.YEAR)
                : time.isSupported(ChronoField.YEAR) ? time.getLong(ChronoField.YEAR) : FIRST_YEAR;
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }
}
