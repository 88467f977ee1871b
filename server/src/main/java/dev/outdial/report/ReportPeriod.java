package dev.outdial.report;

import dev.outdial.shared.Violations;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The days a report covers, {@code from} and {@code to} both included, read in the business's time
 * zone: a supervisor in Hanoi asking for 1 December means Hanoi's 1 December, not UTC's.
 */
public record ReportPeriod(LocalDate from, LocalDate to, ZoneId zone) {

    /** Longer ranges would make one report scan years of call records; a year and a day is enough. */
    public static final int MAX_DAYS = 366;

    /** The period the request names, or 400 naming each field that is missing, unreadable or out of order. */
    public static ReportPeriod of(String from, String to, ZoneId zone) {
        Violations violations = new Violations();
        LocalDate first = date(from, "from", violations);
        LocalDate last = date(to, "to", violations);
        if (first != null && last != null && violations.check(!first.isAfter(last), "to", "report.period.order")) {
            violations.check(ChronoUnit.DAYS.between(first, last) < MAX_DAYS, "to", "report.period.too-long", MAX_DAYS);
        }
        violations.throwIfAny();
        return new ReportPeriod(first, last, zone);
    }

    private static LocalDate date(String text, String field, Violations violations) {
        if (!violations.check(text != null && !text.isBlank(), field, "validation.required")) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            violations.add(field, "report.period.date", text);
            return null;
        }
    }

    /** The first instant of {@code from} in the business's zone. */
    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after {@code to}: calls are counted while {@code start <= dialing < end}. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
