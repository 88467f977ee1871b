package dev.outdial.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Which of a campaign's or a queue's recordings a reviewer asks for, newest first: those of one agent, of the days
 * {@code from} to {@code to} (both included, on the business's clock), of one number; {@code limit} of them after the
 * recording of the call {@code before} (the last one of the page before). Every part is optional.
 *
 * @param until the first instant after the last day asked for
 */
public record RecordingQuery(Long agentId, Instant from, Instant until, String number, String before, int limit) {

    /** The most one page of recordings holds. */
    public static final int MAX_LIMIT = 500;

    /** The query as a request's parameters name it, every one optional: days as yyyy-MM-dd, the number as typed. */
    public record Asked(Long agentId, String from, String to, String number, String before, Integer limit) {

        /** The same, {@code limit} recordings at most. */
        public Asked limitedTo(int most) {
            return new Asked(agentId, from, to, number, before, most);
        }
    }

    /**
     * The query the request names, its days read on the business's clock ({@code zone}) and its number in the
     * business's {@code defaultCountry}; 400 naming each field it cannot read.
     */
    public static RecordingQuery read(ZoneId zone, String defaultCountry, Asked asked) {
        Violations violations = new Violations();
        LocalDate first = date(asked.from(), "from", violations);
        LocalDate last = date(asked.to(), "to", violations);
        if (first != null && last != null) {
            violations.check(!first.isAfter(last), "to", "recordings.order");
        }
        String e164 = blank(asked.number()) ? null
                : PhoneNumbers.toE164(asked.number(), defaultCountry, "number", violations);
        int size = asked.limit() == null ? MAX_LIMIT : asked.limit();
        violations.check(size >= 1 && size <= MAX_LIMIT, "limit", "validation.range", 1, MAX_LIMIT);
        violations.throwIfAny();
        return new RecordingQuery(asked.agentId(), first == null ? null : first.atStartOfDay(zone).toInstant(),
                last == null ? null : last.plusDays(1).atStartOfDay(zone).toInstant(),
                e164, blank(asked.before()) ? null : asked.before().strip(), size);
    }

    private static LocalDate date(String text, String field, Violations violations) {
        if (blank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            violations.add(field, "recordings.date", text);
            return null;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
