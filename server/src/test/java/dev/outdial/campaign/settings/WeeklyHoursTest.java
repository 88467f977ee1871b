package dev.outdial.campaign.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.shared.FieldViolation;
import dev.outdial.shared.InvalidInputException;
import dev.outdial.shared.Violations;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeeklyHoursTest {

    static final ZoneId SAIGON = ZoneId.of("Asia/Ho_Chi_Minh");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** Mon–Fri 08:00–12:00 and 13:00–17:30, Sat 08:00–12:00: the demo's office hours. */
    static final WeeklyHours OFFICE = WeeklyHours.of(Map.of(
            DayOfWeek.MONDAY, List.of(List.of("08:00", "12:00"), List.of("13:00", "17:30")),
            DayOfWeek.TUESDAY, List.of(List.of("08:00", "12:00"), List.of("13:00", "17:30")),
            DayOfWeek.WEDNESDAY, List.of(List.of("08:00", "12:00"), List.of("13:00", "17:30")),
            DayOfWeek.THURSDAY, List.of(List.of("08:00", "12:00"), List.of("13:00", "17:30")),
            DayOfWeek.FRIDAY, List.of(List.of("13:00", "17:30"), List.of("08:00", "12:00")),
            DayOfWeek.SATURDAY, List.of(List.of("08:00", "12:00"))), List.of("2026-04-30"));

    @Test
    void openInsideARangeAndClosedAtItsEndInTheBusinessZone() {
        // 2026-03-02 is a Monday; Saigon is UTC+7.
        assertThat(OFFICE.isOpen(Instant.parse("2026-03-02T01:00:00Z"), SAIGON)).isTrue();
        assertThat(OFFICE.isOpen(Instant.parse("2026-03-02T00:59:59Z"), SAIGON)).isFalse();
        assertThat(OFFICE.isOpen(Instant.parse("2026-03-02T05:00:00Z"), SAIGON)).as("12:00, lunch").isFalse();
        assertThat(OFFICE.isOpen(Instant.parse("2026-03-02T10:29:59Z"), SAIGON)).isTrue();
        assertThat(OFFICE.isOpen(Instant.parse("2026-03-02T10:30:00Z"), SAIGON)).as("17:30").isFalse();
        assertThat(OFFICE.isOpen(Instant.parse("2026-03-08T02:00:00Z"), SAIGON)).as("Sunday").isFalse();
    }

    @Test
    void theSameInstantIsOpenInOneZoneAndClosedInAnother() {
        Instant mondayNineInSaigon = Instant.parse("2026-03-02T02:00:00Z");

        assertThat(OFFICE.isOpen(mondayNineInSaigon, SAIGON)).isTrue();
        assertThat(OFFICE.isOpen(mondayNineInSaigon, BERLIN)).as("03:00 in Berlin").isFalse();
    }

    @Test
    void aHolidayIsClosedAllDayByTheBusinessZonesCalendar() {
        // 2026-04-30 is a Thursday. 23:30 UTC on the 29th is already the 30th in Saigon.
        assertThat(OFFICE.isOpen(Instant.parse("2026-04-30T02:00:00Z"), SAIGON)).isFalse();
        assertThat(OFFICE.isOpen(Instant.parse("2026-04-29T09:00:00Z"), SAIGON)).isTrue();
        assertThat(OFFICE.nextOpening(Instant.parse("2026-04-29T12:00:00Z"), SAIGON))
                .as("after Wednesday's close, the holiday is skipped to Friday 08:00")
                .isEqualTo(Instant.parse("2026-05-01T01:00:00Z"));
    }

    @Test
    void aRangeMayEndAt2400AndCoversTheLastMinuteOfTheDay() {
        WeeklyHours evening = WeeklyHours.of(Map.of(DayOfWeek.MONDAY, List.of(List.of("20:00", "24:00"))), List.of());

        assertThat(evening.isOpen(Instant.parse("2026-03-02T16:59:59Z"), SAIGON)).as("23:59:59").isTrue();
        assertThat(evening.isOpen(Instant.parse("2026-03-02T17:00:00Z"), SAIGON)).as("Tuesday 00:00").isFalse();
        assertThat(evening.weekAsText()).containsEntry(DayOfWeek.MONDAY, List.of(List.of("20:00", "24:00")));
    }

    @Test
    void aRangeCannotPassMidnight() {
        List<FieldViolation> violations = violationsOf(Map.of(DayOfWeek.FRIDAY, List.of(List.of("22:00", "06:00"))));

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("week.FRIDAY");
            assertThat(violation.messageKey()).isEqualTo("working-hours.range.backwards");
        });
    }

    @Test
    void aRangeMustEndAfterItStarts() {
        assertThat(violationsOf(Map.of(DayOfWeek.MONDAY, List.of(List.of("09:00", "09:00")))))
                .extracting(FieldViolation::messageKey).containsExactly("working-hours.range.backwards");
    }

    @Test
    void aRangeThatOverlapsAnotherIsRejectedNamingTheDay() {
        List<FieldViolation> violations = violationsOf(Map.of(DayOfWeek.WEDNESDAY,
                List.of(List.of("13:00", "17:00"), List.of("08:00", "13:30"))));

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("week.WEDNESDAY");
            assertThat(violation.messageKey()).isEqualTo("working-hours.range.overlap");
            assertThat(violation.args()).containsExactly("08:00–13:30", "13:00–17:00");
        });
    }

    @Test
    void rangesThatTouchDoNotOverlap() {
        assertThat(violationsOf(Map.of(DayOfWeek.MONDAY, List.of(List.of("08:00", "12:00"), List.of("12:00", "13:00")))))
                .isEmpty();
    }

    @Test
    void timesAreHoursAndMinutesOfOneDay() {
        assertThat(violationsOf(Map.of(DayOfWeek.MONDAY, List.of(List.of("8am", "12:00"), List.of("24:00", "24:30"),
                List.of("10:00", "24:01"), List.of("23:00")))))
                .extracting(FieldViolation::field, FieldViolation::messageKey)
                .contains(org.assertj.core.groups.Tuple.tuple("week.MONDAY", "working-hours.time.invalid"),
                        org.assertj.core.groups.Tuple.tuple("week.MONDAY", "working-hours.range.malformed"))
                .hasSize(4);
    }

    @Test
    void aWeekWithoutAnyRangeIsNeverOpenAndSoRejected() {
        assertThat(violationsOf(Map.of(DayOfWeek.MONDAY, List.of()))).extracting(FieldViolation::field)
                .containsExactly("week");
        assertThat(violationsOf(null)).extracting(FieldViolation::field).containsExactly("week");
    }

    @Test
    void aHolidayIsAnIsoDate() {
        Violations violations = new Violations();
        WeeklyHours.parse(Map.of(DayOfWeek.MONDAY, List.of(List.of("08:00", "12:00"))), List.of("30/04/2026"), violations);

        assertThat(failures(violations)).extracting(FieldViolation::field).containsExactly("holidays");
    }

    @Test
    void whenOpenTheNextOpeningIsNow() {
        Instant open = Instant.parse("2026-03-02T02:00:00Z");

        assertThat(OFFICE.nextOpening(open, SAIGON)).isEqualTo(open);
    }

    @Test
    void theNextOpeningIsTheNextRangesStart() {
        assertThat(OFFICE.nextOpening(Instant.parse("2026-03-02T05:30:00Z"), SAIGON)).as("lunch -> 13:00")
                .isEqualTo(Instant.parse("2026-03-02T06:00:00Z"));
        assertThat(OFFICE.nextOpening(Instant.parse("2026-03-07T06:00:00Z"), SAIGON)).as("Saturday 13:00 -> Monday 08:00")
                .isEqualTo(Instant.parse("2026-03-09T01:00:00Z"));
    }

    @Test
    void acrossTheSpringChangeInBerlinEightOClockStaysEightOClock() {
        // Berlin moves from UTC+1 to UTC+2 on Sunday 2026-03-29.
        WeeklyHours daily = WeeklyHours.of(Map.of(DayOfWeek.SATURDAY, List.of(List.of("08:00", "17:00")),
                DayOfWeek.MONDAY, List.of(List.of("08:00", "17:00"))), List.of());

        assertThat(daily.isOpen(Instant.parse("2026-03-28T07:00:00Z"), BERLIN)).as("Saturday 08:00 CET").isTrue();
        assertThat(daily.isOpen(Instant.parse("2026-03-30T06:00:00Z"), BERLIN)).as("Monday 08:00 CEST").isTrue();
        assertThat(daily.isOpen(Instant.parse("2026-03-30T05:59:59Z"), BERLIN)).as("Monday 07:59 CEST").isFalse();
        assertThat(daily.nextOpening(Instant.parse("2026-03-28T17:00:00Z"), BERLIN))
                .isEqualTo(Instant.parse("2026-03-30T06:00:00Z"));
    }

    @Test
    void aRangeStartingInsideTheSkippedHourOpensWhenTheClocksHaveJumped() {
        // On 2026-03-29 Berlin's clocks jump from 02:00 to 03:00 (01:00 UTC): 02:30 never happens.
        WeeklyHours night = WeeklyHours.of(Map.of(DayOfWeek.SUNDAY, List.of(List.of("02:30", "04:00"))), List.of());

        assertThat(night.nextOpening(Instant.parse("2026-03-28T23:00:00Z"), BERLIN))
                .isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
        assertThat(night.isOpen(Instant.parse("2026-03-29T01:00:00Z"), BERLIN)).as("03:00 CEST").isTrue();
    }

    @Test
    void inTheAutumnTheRepeatedHourIsOpenBothTimes() {
        // On 2026-10-25 Berlin's clocks fall back from 03:00 to 02:00 (01:00 UTC): 02:30 happens twice.
        WeeklyHours night = WeeklyHours.of(Map.of(DayOfWeek.SUNDAY, List.of(List.of("02:00", "03:00"))), List.of());

        assertThat(night.isOpen(Instant.parse("2026-10-25T00:30:00Z"), BERLIN)).as("02:30 CEST").isTrue();
        assertThat(night.isOpen(Instant.parse("2026-10-25T01:30:00Z"), BERLIN)).as("02:30 CET").isTrue();
        assertThat(night.nextOpening(Instant.parse("2026-10-24T12:00:00Z"), BERLIN))
                .as("the first of the two").isEqualTo(Instant.parse("2026-10-25T00:00:00Z"));
    }

    @Test
    void holidaysInARowArePassedOver() {
        WeeklyHours mondays = WeeklyHours.of(Map.of(DayOfWeek.MONDAY, List.of(List.of("08:00", "09:00"))),
                List.of("2026-03-02", "2026-03-09", "2026-03-16"));

        assertThat(mondays.nextOpening(Instant.parse("2026-03-01T00:00:00Z"), SAIGON))
                .isEqualTo(Instant.parse("2026-03-23T01:00:00Z"));
    }

    @Test
    void aBrokenScheduleWrittenInCodeFailsLoudly() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WeeklyHours.of(Map.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<FieldViolation> violationsOf(Map<DayOfWeek, List<List<String>>> week) {
        Violations violations = new Violations();
        WeeklyHours hours = WeeklyHours.parse(week, List.of(), violations);
        List<FieldViolation> found = failures(violations);
        assertThat(hours == null).isEqualTo(!found.isEmpty());
        return found;
    }

    private static List<FieldViolation> failures(Violations violations) {
        try {
            violations.throwIfAny();
            return List.of();
        } catch (InvalidInputException invalid) {
            return invalid.violations();
        }
    }
}
