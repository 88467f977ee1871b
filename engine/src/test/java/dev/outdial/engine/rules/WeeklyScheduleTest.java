package dev.outdial.engine.rules;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WeeklyScheduleTest {

    static final ZoneId SAIGON = ZoneId.of("Asia/Ho_Chi_Minh");
    static final Set<DayOfWeek> WEEKDAYS = EnumSet.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);

    /** Office hours in Saigon: weekdays 08:00–12:00 and 13:30–17:30, closed on 2025-04-30. */
    WeeklySchedule officeHours = WeeklySchedule.in(SAIGON)
            .open(WEEKDAYS, "08:00", "12:00")
            .open(WEEKDAYS, "13:30", "17:30")
            .holiday(LocalDate.parse("2025-04-30"))
            .build();

    static Instant saigon(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SAIGON).toInstant();
    }

    @Test
    void isOpenInsideItsRangesInItsOwnZone() {
        assertThat(officeHours.isOpen(saigon("2025-03-03T08:00"))).isTrue();
        assertThat(officeHours.isOpen(saigon("2025-03-03T11:59:59"))).isTrue();
        assertThat(officeHours.isOpen(Instant.parse("2025-03-03T02:00:00Z"))).as("09:00 in Saigon").isTrue();
    }

    @Test
    void isClosedAtTheEndOfARangeOverLunchAtWeekendsAndOnHolidays() {
        assertThat(officeHours.isOpen(saigon("2025-03-03T12:00"))).isFalse();
        assertThat(officeHours.isOpen(saigon("2025-03-03T13:00"))).isFalse();
        assertThat(officeHours.isOpen(saigon("2025-03-03T07:59:59"))).isFalse();
        assertThat(officeHours.isOpen(saigon("2025-03-08T10:00"))).as("Saturday").isFalse();
        assertThat(officeHours.isOpen(saigon("2025-04-30T10:00"))).as("holiday").isFalse();
    }

    @Test
    void closesAtTheEndOfTheRangeItIsIn() {
        assertThat(officeHours.closingAfter(saigon("2025-03-03T10:00"))).contains(saigon("2025-03-03T12:00"));
        assertThat(officeHours.closingAfter(saigon("2025-03-03T17:29:59"))).contains(saigon("2025-03-03T17:30"));
        assertThat(officeHours.closingAfter(saigon("2025-03-03T12:30"))).as("closed over lunch").isEmpty();
    }

    @Test
    void aRangeThatRunsOnIntoTheNextOneIsNoClose() {
        WeeklySchedule touching = WeeklySchedule.in(SAIGON).open(MONDAY, "08:00", "12:00").open(MONDAY, "12:00", "18:00")
                .build();
        WeeklySchedule allWeek = WeeklySchedule.in(SAIGON).open(EnumSet.allOf(DayOfWeek.class), "00:00", "00:00").build();

        assertThat(touching.closingAfter(saigon("2025-03-03T11:00"))).as("Monday 11:00").isEmpty();
        assertThat(touching.closingAfter(saigon("2025-03-03T13:00"))).contains(saigon("2025-03-03T18:00"));
        assertThat(allWeek.closingAfter(saigon("2025-03-03T23:30"))).as("on into Tuesday").isEmpty();
    }

    @Test
    void aRangeToMidnightClosesWhereTheNextDayIsClosed() {
        WeeklySchedule lateFriday = WeeklySchedule.in(SAIGON).open(FRIDAY, "18:00", "00:00").build();

        assertThat(lateFriday.closingAfter(saigon("2025-03-07T23:30"))).contains(saigon("2025-03-08T00:00"));
    }

    @Test
    void nextOpeningIsNowWhenOpen() {
        assertThat(officeHours.nextOpening(saigon("2025-03-03T10:00"))).contains(saigon("2025-03-03T10:00"));
    }

    @Test
    void nextOpeningIsAfterLunchOnTheSameDay() {
        assertThat(officeHours.nextOpening(saigon("2025-03-03T12:15"))).contains(saigon("2025-03-03T13:30"));
    }

    @Test
    void nextOpeningSkipsTheWeekendAndHolidays() {
        assertThat(officeHours.nextOpening(saigon("2025-03-07T18:00"))).contains(saigon("2025-03-10T08:00"));
        assertThat(officeHours.nextOpening(saigon("2025-04-29T18:00"))).contains(saigon("2025-05-01T08:00"));
    }

    /** What a running campaign compares to know whether its hours changed: days, hours, holidays and zone. */
    @Test
    void schedulesAreEqualWhenTheyOpenAndCloseAlike() {
        WeeklySchedule sameTypedOtherwise = WeeklySchedule.in(SAIGON)
                .open(WEEKDAYS, "13:30", "17:30")
                .open(WEEKDAYS, "08:00", "12:00")
                .holiday(LocalDate.parse("2025-04-30"))
                .build();
        assertThat(sameTypedOtherwise).isEqualTo(officeHours).hasSameHashCodeAs(officeHours);
        assertThat(new WeeklySchedule(SAIGON, Map.of(SUNDAY, List.of()), Set.of()))
                .as("a day without ranges is a closed day").isEqualTo(WeeklySchedule.in(SAIGON).build());

        assertThat(officeHours.inZone(ZoneId.of("Asia/Bangkok"))).as("same offset, another zone").isNotEqualTo(officeHours);
        assertThat(WeeklySchedule.in(SAIGON).open(WEEKDAYS, "08:00", "12:00").open(WEEKDAYS, "13:30", "17:00")
                .holiday(LocalDate.parse("2025-04-30")).build()).isNotEqualTo(officeHours);
        assertThat(WeeklySchedule.in(SAIGON).open(WEEKDAYS, "08:00", "12:00").open(WEEKDAYS, "13:30", "17:30")
                .build()).as("without the holiday").isNotEqualTo(officeHours);
    }

    @Test
    void scheduleWithoutHoursNeverOpens() {
        assertThat(WeeklySchedule.in(SAIGON).build().nextOpening(saigon("2025-03-03T10:00"))).isEmpty();
    }

    @Test
    void rangeEndingAtMidnightLastsToTheEndOfTheDay() {
        WeeklySchedule evenings = WeeklySchedule.in(SAIGON).open(SUNDAY, "18:00", "00:00").build();

        assertThat(evenings.isOpen(saigon("2025-03-09T23:59:59"))).isTrue();
        assertThat(evenings.isOpen(saigon("2025-03-10T00:00"))).as("Monday").isFalse();
    }

    @Test
    void openingInsideADaylightSavingGapIsTheFirstLocalTimeThatExists() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        WeeklySchedule nights = WeeklySchedule.in(berlin).open(SUNDAY, "02:30", "04:00").build();
        Instant saturdayEvening = LocalDateTime.parse("2025-03-29T20:00").atZone(berlin).toInstant();

        assertThat(nights.nextOpening(saturdayEvening)).contains(Instant.parse("2025-03-30T01:30:00Z"));
    }

    @Test
    void sameHoursAreEvaluatedInAnotherZone() {
        WeeklySchedule inLondon = officeHours.inZone(ZoneId.of("Europe/London"));

        assertThat(inLondon.isOpen(Instant.parse("2025-03-03T09:00:00Z"))).isTrue();
        assertThat(officeHours.isOpen(Instant.parse("2025-03-03T09:00:00Z"))).as("16:00 in Saigon").isTrue();
        assertThat(inLondon.isOpen(Instant.parse("2025-03-03T03:00:00Z"))).isFalse();
    }

    @Test
    void overlappingRangesAreRejectedNamingTheDayAndTheRanges() {
        assertThatThrownBy(() -> WeeklySchedule.in(SAIGON).open(MONDAY, "09:00", "12:00").open(MONDAY, "11:00", "13:00").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("on MONDAY the ranges 09:00–12:00 and 11:00–13:00 overlap");
        assertThatThrownBy(() -> WeeklySchedule.in(SAIGON).open(MONDAY, "20:00", "00:00").open(MONDAY, "21:00", "22:00").build())
                .hasMessageContaining("20:00–24:00 and 21:00–22:00 overlap");
    }

    @Test
    void invertedRangeIsRejected() {
        assertThatThrownBy(() -> TimeRange.of("17:00", "09:00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the range 17:00–09:00 ends before it starts");
        assertThatThrownBy(() -> TimeRange.of("09:00", "09:00")).hasMessageContaining("ends before it starts");
    }

    @Test
    void rangesThatOnlyTouchAreAccepted() {
        WeeklySchedule touching = new WeeklySchedule(SAIGON,
                Map.of(MONDAY, List.of(TimeRange.of("13:00", "14:00"), TimeRange.of("12:00", "13:00"))), Set.of());

        assertThat(touching.isOpen(saigon("2025-03-03T13:00"))).isTrue();
        assertThat(touching.nextOpening(saigon("2025-03-03T11:00"))).contains(saigon("2025-03-03T12:00"));
    }

    @Test
    void isOpenReadsTheLocalTimeTheZoneGivesAcrossDaylightSavingHolidaysAndMidnight() {
        // isOpen works the local date and time out itself: it must agree with what ZonedDateTime says
        // at any instant, around the clocks' changes and before 1970 too.
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        WeeklySchedule schedule = WeeklySchedule.in(berlin)
                .open(WEEKDAYS, "01:30", "03:15")
                .open(WEEKDAYS, "09:00", "17:00:00.5")
                .open(DayOfWeek.SATURDAY, "22:00", "00:00")
                .holiday(LocalDate.parse("2025-03-31"))
                .build();
        Random random = new Random(15);
        Instant springForward = Instant.parse("2025-03-30T01:00:00Z");
        for (int i = 0; i < 200_000; i++) {
            Instant at = i % 2 == 0
                    ? springForward.plusMillis(random.nextLong(-4 * 86_400_000L, 4 * 86_400_000L))
                    : Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 4_000_000_000L), random.nextInt(1_000_000_000));
            ZonedDateTime local = at.atZone(berlin);
            boolean expected = !local.toLocalDate().equals(LocalDate.parse("2025-03-31"))
                    && switch (local.getDayOfWeek()) {
                        case SATURDAY -> !local.toLocalTime().isBefore(LocalTime.of(22, 0));
                        case SUNDAY -> false;
                        default -> inside(local, "01:30", "03:15") || inside(local, "09:00", "17:00:00.5");
                    };
            assertThat(schedule.isOpen(at)).as("%s (%s)", at, local).isEqualTo(expected);
        }
    }

    private static boolean inside(ZonedDateTime local, String start, String end) {
        LocalTime time = local.toLocalTime();
        return !time.isBefore(LocalTime.parse(start)) && time.isBefore(LocalTime.parse(end));
    }
}
