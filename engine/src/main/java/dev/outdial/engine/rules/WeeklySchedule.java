package dev.outdial.engine.rules;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Working hours: "a named weekly schedule (days × time ranges, in the business time zone, optional
 * holiday dates). A campaign dials only inside its working hours." The same shape, in the called
 * party's zone ({@link #inZone}), gives the called party's local calling hours.
 *
 * <p>Invalid schedules (inverted or overlapping ranges) are rejected on construction with a
 * message naming the day and the ranges, so the server's settings validation can reuse it.
 */
public final class WeeklySchedule {

    /** Far enough to pass any run of holidays a business would enter, near enough to stay cheap. */
    private static final int DAYS_SEARCHED_FOR_AN_OPENING = 2 * 366;

    private static final long SECONDS_PER_DAY = 86_400;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final ZoneId zone;
    /** The zone's offsets, looked up once: a region's rules are fixed once it is resolved. */
    private final ZoneRules rules;
    private final Map<DayOfWeek, List<TimeRange>> ranges;
    private final Set<LocalDate> holidays;

    public WeeklySchedule(ZoneId zone, Map<DayOfWeek, List<TimeRange>> ranges, Set<LocalDate> holidays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.rules = zone.getRules();
        this.ranges = new EnumMap<>(DayOfWeek.class);
        ranges.forEach((day, dayRanges) -> {
            List<TimeRange> sorted = sortedWithoutOverlap(day, dayRanges);
            // A day without ranges is a closed day, stored as none, so equal schedules are equal.
            if (!sorted.isEmpty()) {
                this.ranges.put(day, sorted);
            }
        });
        this.holidays = Set.copyOf(holidays);
    }

    public static Builder in(ZoneId zone) {
        return new Builder(zone);
    }

    /** Open every day from midnight to midnight, in {@code zone}: the simulator's and the forecast's dialing time. */
    public static WeeklySchedule alwaysOpen(ZoneId zone) {
        return in(zone).open(EnumSet.allOf(DayOfWeek.class), "00:00", "00:00").build();
    }

    public ZoneId zone() {
        return zone;
    }

    /** The same days, hours and holidays, evaluated in another zone. */
    public WeeklySchedule inZone(ZoneId otherZone) {
        return new WeeklySchedule(otherZone, ranges, holidays);
    }

    public boolean isOpen(Instant instant) {
        // Asked at every pacing round and every dial: the local date and time worked out as
        // ZonedDateTime does (the zone's offset at the instant, then days and nanoseconds of the local
        // second), without its four objects per question, and a plain loop over the day's ranges.
        long localSecond = instant.getEpochSecond() + rules.getOffset(instant).getTotalSeconds();
        long epochDay = Math.floorDiv(localSecond, SECONDS_PER_DAY);
        if (!holidays.isEmpty() && holidays.contains(LocalDate.ofEpochDay(epochDay))) {
            return false;
        }
        long nanoOfDay = Math.floorMod(localSecond, SECONDS_PER_DAY) * NANOS_PER_SECOND + instant.getNano();
        // 1970-01-01, epoch day 0, was a Thursday.
        List<TimeRange> today = rangesOn(DayOfWeek.THURSDAY.plus(Math.floorMod(epochDay, 7)));
        for (int i = 0; i < today.size(); i++) {
            if (today.get(i).containsNanoOfDay(nanoOfDay)) {
                return true;
            }
        }
        return false;
    }

    /** {@code from} itself if open then, else the next instant the schedule opens; empty if it never does. */
    public Optional<Instant> nextOpening(Instant from) {
        if (isOpen(from)) {
            return Optional.of(from);
        }
        LocalDate first = from.atZone(zone).toLocalDate();
        for (int day = 0; day < DAYS_SEARCHED_FOR_AN_OPENING; day++) {
            LocalDate date = first.plusDays(day);
            if (holidays.contains(date)) {
                continue;
            }
            for (TimeRange range : rangesOn(date.getDayOfWeek())) {
                // A start inside a daylight-saving gap resolves to later that day; it still has
                // to be inside the range to count as an opening.
                Instant opening = ZonedDateTime.of(date, range.start(), zone).toInstant();
                if (opening.isAfter(from) && isOpen(opening)) {
                    return Optional.of(opening);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Where open at {@code at}: the end of the range it is in, when the schedule is closed from that
     * instant. Empty when closed at {@code at}, and when another range (the next one, or the next day's
     * from midnight) goes on from there: no close is near then.
     */
    public Optional<Instant> closingAfter(Instant at) {
        if (!isOpen(at)) {
            return Optional.empty();
        }
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        for (TimeRange range : rangesOn(local.getDayOfWeek())) {
            if (range.contains(time)) {
                LocalDate date = local.toLocalDate();
                // A range to midnight ends where the next day begins, in its own zone's offset.
                Instant end = TimeRange.endsAtMidnight(range.end()) ? date.plusDays(1).atStartOfDay(zone).toInstant()
                        : ZonedDateTime.of(date, range.end(), zone).toInstant();
                return end.isAfter(at) && !isOpen(end) ? Optional.of(end) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private List<TimeRange> rangesOn(DayOfWeek day) {
        return ranges.getOrDefault(day, List.of());
    }

    private static List<TimeRange> sortedWithoutOverlap(DayOfWeek day, List<TimeRange> dayRanges) {
        List<TimeRange> sorted = new ArrayList<>(dayRanges);
        sorted.sort(Comparator.comparing(TimeRange::start));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                throw new IllegalArgumentException("on " + day + " the ranges " + sorted.get(i - 1) + " and "
                        + sorted.get(i) + " overlap");
            }
        }
        return List.copyOf(sorted);
    }

    /** The same days, hours and holidays in the same zone: a campaign running by it has nothing new to follow. */
    @Override
    public boolean equals(Object other) {
        return other instanceof WeeklySchedule schedule && zone.equals(schedule.zone) && ranges.equals(schedule.ranges)
                && holidays.equals(schedule.holidays);
    }

    @Override
    public int hashCode() {
        return Objects.hash(zone, ranges, holidays);
    }

    @Override
    public String toString() {
        return "WeeklySchedule" + ranges + " in " + zone + (holidays.isEmpty() ? "" : ", closed on " + holidays);
    }

    /** Builds a schedule day by day: {@code WeeklySchedule.in(zone).open(MONDAY, "09:00", "17:00").build()}. */
    public static final class Builder {

        private final ZoneId zone;
        private final Map<DayOfWeek, List<TimeRange>> ranges = new EnumMap<>(DayOfWeek.class);
        private final Set<LocalDate> holidays = new HashSet<>();

        private Builder(ZoneId zone) {
            this.zone = zone;
        }

        public Builder open(DayOfWeek day, String start, String end) {
            return open(day, new TimeRange(LocalTime.parse(start), LocalTime.parse(end)));
        }

        public Builder open(DayOfWeek day, TimeRange range) {
            ranges.computeIfAbsent(day, ignored -> new ArrayList<>()).add(range);
            return this;
        }

        /** The same range on each of {@code days}, e.g. Monday to Friday. */
        public Builder open(Set<DayOfWeek> days, String start, String end) {
            days.forEach(day -> open(day, start, end));
            return this;
        }

        public Builder holiday(LocalDate date) {
            holidays.add(date);
            return this;
        }

        public WeeklySchedule build() {
            return new WeeklySchedule(zone, ranges, holidays);
        }
    }
}
