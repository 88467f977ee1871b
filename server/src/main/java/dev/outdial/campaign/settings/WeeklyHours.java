package dev.outdial.campaign.settings;

import dev.outdial.shared.Violations;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A weekly schedule in wall-clock time: per weekday, ranges such as 08:00–12:00, and holiday
 * dates on which it is closed all day. It is read in a time zone (the business's), so "08:00" is
 * eight in the morning there whatever the season's offset.
 *
 * <p>Validation and evaluation live together here on purpose: this is the one place that says
 * what a schedule means, and the one class to hand over to the engine's schedule when it exists.
 */
public final class WeeklyHours {

    static final int END_OF_DAY = 24 * 60;
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d|24:00");

    /**
     * Minutes since midnight, {@code from} inclusive and {@code to} exclusive. A range never
     * crosses midnight: a night shift is 22:00–24:00 and 00:00–06:00 the next day, so each day's
     * hours can be read without looking at the day before.
     */
    public record Range(int from, int to) {

        boolean contains(int secondOfDay) {
            return secondOfDay >= from * 60 && secondOfDay < to * 60;
        }

        boolean overlaps(Range other) {
            return from < other.to && other.from < to;
        }

        public List<String> asText() {
            return List.of(text(from), text(to));
        }

        @Override
        public String toString() {
            return text(from) + "–" + text(to);
        }

        private static String text(int minute) {
            return "%02d:%02d".formatted(minute / 60, minute % 60);
        }
    }

    private final Map<DayOfWeek, List<Range>> days;
    private final SortedSet<LocalDate> holidays;

    private WeeklyHours(Map<DayOfWeek, List<Range>> days, SortedSet<LocalDate> holidays) {
        this.days = days;
        this.holidays = holidays;
    }

    /**
     * Reads a schedule as typed: days to lists of {@code ["HH:mm", "HH:mm"]} (absent days are
     * closed) and ISO dates. Every broken rule is recorded under {@code week.<DAY>} or
     * {@code holidays}; the answer is {@code null} when there was any.
     */
    public static WeeklyHours parse(Map<DayOfWeek, List<List<String>>> week, Collection<String> holidays,
                                    Violations violations) {
        Map<DayOfWeek, List<Range>> days = new EnumMap<>(DayOfWeek.class);
        boolean valid = true;
        for (Map.Entry<DayOfWeek, List<List<String>>> day : (week == null ? Map.<DayOfWeek, List<List<String>>>of()
                : week).entrySet()) {
            List<Range> ranges = ranges(day.getKey(), day.getValue(), violations);
            valid &= ranges != null;
            if (ranges != null && !ranges.isEmpty()) {
                days.put(day.getKey(), ranges);
            }
        }
        if (valid) {
            valid = violations.check(!days.isEmpty(), "week", "working-hours.week.empty");
        }
        SortedSet<LocalDate> dates = new TreeSet<>();
        for (String holiday : holidays == null ? List.<String>of() : holidays) {
            try {
                dates.add(LocalDate.parse(holiday == null ? "" : holiday.strip()));
            } catch (DateTimeException notADate) {
                valid = false;
                violations.add("holidays", "working-hours.holiday.invalid", holiday);
            }
        }
        return valid ? new WeeklyHours(days, Collections.unmodifiableSortedSet(dates)) : null;
    }

    /**
     * A schedule known to be valid (stored, or written in code). A broken one is a programming
     * error, not the user's input, so it fails as such rather than as a 400 naming fields.
     */
    public static WeeklyHours of(Map<DayOfWeek, List<List<String>>> week, Collection<String> holidays) {
        Violations violations = new Violations();
        WeeklyHours hours = parse(week, holidays, violations);
        if (hours == null) {
            throw new IllegalArgumentException("Not a valid schedule: " + week + ", holidays " + holidays);
        }
        return hours;
    }

    /** Whether the schedule is open at {@code at}, read in {@code zone}. */
    public boolean isOpen(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        if (holidays.contains(local.toLocalDate())) {
            return false;
        }
        int second = local.toLocalTime().toSecondOfDay();
        return rangesOf(local.getDayOfWeek()).stream().anyMatch(range -> range.contains(second));
    }

    /**
     * {@code from} itself when open then, else the first instant after it when the schedule opens.
     * There always is one: at least one weekday has hours, and each holiday closes one day only.
     */
    public Instant nextOpening(Instant from, ZoneId zone) {
        if (isOpen(from, zone)) {
            return from;
        }
        LocalDate day = from.atZone(zone).toLocalDate();
        // Every 7 days bring an open weekday unless a holiday takes it: 7 per holiday, plus today.
        int horizon = 7 * (holidays.size() + 1) + 1;
        for (int i = 0; i <= horizon; i++, day = day.plusDays(1)) {
            if (holidays.contains(day)) {
                continue;
            }
            for (Range range : rangesOf(day.getDayOfWeek())) {
                Instant start = start(day, range.from(), zone);
                if (start.isAfter(from)) {
                    return start;
                }
            }
        }
        throw new IllegalStateException("A schedule with hours always opens again");
    }

    /** The ranges per open day, Monday first, for showing and storing. */
    public Map<DayOfWeek, List<Range>> days() {
        return Collections.unmodifiableMap(days);
    }

    /** The schedule in the shape it is typed in: {@code MONDAY -> [["08:00", "12:00"], ...]}. */
    public Map<DayOfWeek, List<List<String>>> weekAsText() {
        Map<DayOfWeek, List<List<String>>> text = new LinkedHashMap<>();
        days.forEach((day, ranges) -> text.put(day, ranges.stream().map(Range::asText).toList()));
        return text;
    }

    public List<LocalDate> holidays() {
        return List.copyOf(holidays);
    }

    private List<Range> rangesOf(DayOfWeek day) {
        return days.getOrDefault(day, List.of());
    }

    /**
     * The instant a range starts on a day. When the clocks jump forward over its start (02:30 on
     * a spring morning in Berlin), it opens the moment the jump ends; when they fall back, at the
     * first of the two.
     */
    private static Instant start(LocalDate day, int minute, ZoneId zone) {
        LocalDateTime local = day.atTime(minute / 60, minute % 60);
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        return local.atZone(zone).toInstant();
    }

    private static List<Range> ranges(DayOfWeek day, List<List<String>> typed, Violations violations) {
        String field = "week." + day.name();
        List<Range> ranges = new ArrayList<>();
        boolean valid = true;
        for (List<String> pair : typed == null ? List.<List<String>>of() : typed) {
            Range range = range(pair, field, violations);
            valid &= range != null;
            if (range != null) {
                ranges.add(range);
            }
        }
        ranges.sort(Comparator.comparingInt(Range::from));
        for (int i = 1; i < ranges.size(); i++) {
            valid &= violations.check(!ranges.get(i - 1).overlaps(ranges.get(i)), field, "working-hours.range.overlap",
                    ranges.get(i - 1).toString(), ranges.get(i).toString());
        }
        return valid ? List.copyOf(ranges) : null;
    }

    private static Range range(List<String> pair, String field, Violations violations) {
        if (!violations.check(pair != null && pair.size() == 2, field, "working-hours.range.malformed",
                String.valueOf(pair))) {
            return null;
        }
        Integer from = minute(pair.get(0), field, violations);
        Integer to = minute(pair.get(1), field, violations);
        if (from == null || to == null) {
            return null;
        }
        boolean valid = violations.check(from < END_OF_DAY, field, "working-hours.time.invalid", pair.get(0))
                && violations.check(from < to, field, "working-hours.range.backwards", pair.get(0), pair.get(1));
        return valid ? new Range(from, to) : null;
    }

    private static Integer minute(String time, String field, Violations violations) {
        String typed = time == null ? "" : time.strip();
        if (!violations.check(TIME.matcher(typed).matches(), field, "working-hours.time.invalid", typed)) {
            return null;
        }
        return Integer.parseInt(typed.substring(0, 2)) * 60 + Integer.parseInt(typed.substring(3));
    }
}
