package dev.outdial.engine.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Issue 15: an abandon limit "in every clock hour" counts the business's local clock hours, across a change of the clocks too. */
class ClockHoursTest {

    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    static final ZoneId ST_JOHNS = ZoneId.of("America/St_Johns");
    static final ZoneId ADELAIDE = ZoneId.of("Australia/Adelaide");
    static final ZoneId LORD_HOWE = ZoneId.of("Australia/Lord_Howe");

    @Test
    void anHourInIndiaRunsFromHalfPastToHalfPastUtc() {
        ClockHours hours = new ClockHours(KOLKATA);
        Instant quarterToTen = Instant.parse("2025-03-03T04:15:00Z");

        assertThat(hours.hourOf(quarterToTen)).as("09:45 in Kolkata is in the hour from 09:00, 03:30 UTC")
                .isEqualTo(millis("2025-03-03T03:30:00Z"));
        assertThat(hours.restOfHour(quarterToTen)).isCloseTo(0.25, within(1e-9));
        assertThat(hours.hourOf(Instant.parse("2025-03-03T04:30:00Z"))).as("10:00 starts the next")
                .isEqualTo(millis("2025-03-03T04:30:00Z"));
    }

    @Test
    void utcHoursAreThoseOfTheEpoch() {
        ClockHours hours = ClockHours.utc();
        Instant at = Instant.parse("2025-03-03T09:40:00Z");

        assertThat(hours.hourOf(at)).isEqualTo(millis("2025-03-03T09:00:00Z"));
        assertThat(hours.restOfHour(at)).isCloseTo(20 / 60.0, within(1e-9));
    }

    @Test
    void theHourRepeatedWhenTheClocksGoBackIsTwoHours() {
        // St John's, 2 November 2025: 02:00 NDT (−02:30, 04:30 UTC) becomes 01:00 NST (−03:30).
        ClockHours hours = new ClockHours(ST_JOHNS);
        Instant firstOneThirty = Instant.parse("2025-11-02T04:00:00Z");
        Instant secondOneThirty = Instant.parse("2025-11-02T05:00:00Z");

        assertThat(hours.hourOf(firstOneThirty)).isEqualTo(millis("2025-11-02T03:30:00Z"));
        assertThat(hours.restOfHour(firstOneThirty)).isCloseTo(0.5, within(1e-9));
        assertThat(hours.hourOf(secondOneThirty)).isEqualTo(millis("2025-11-02T04:30:00Z"));
        assertThat(hours.restOfHour(secondOneThirty)).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void theHourSkippedWhenTheClocksGoForwardIsNone() {
        // Adelaide, 5 October 2025: 02:00 ACST (+09:30, 16:30 UTC the day before) becomes 03:00 ACDT (+10:30).
        ClockHours hours = new ClockHours(ADELAIDE);

        assertThat(hours.hourOf(Instant.parse("2025-10-04T16:29:59Z"))).as("01:59:59 ACST")
                .isEqualTo(millis("2025-10-04T15:30:00Z"));
        assertThat(hours.restOfHour(Instant.parse("2025-10-04T16:00:00Z"))).isCloseTo(0.5, within(1e-9));
        assertThat(hours.hourOf(Instant.parse("2025-10-04T16:30:00Z"))).as("03:00 ACDT")
                .isEqualTo(millis("2025-10-04T16:30:00Z"));
    }

    @Test
    void aHalfHourChangeOfTheClocksSplitsItsHourAtTheChange() {
        // Lord Howe Island, 5 April 2026: 02:00 (+11:00, 15:00 UTC) becomes 01:30 (+10:30).
        ClockHours hours = new ClockHours(LORD_HOWE);

        assertThat(hours.hourOf(Instant.parse("2026-04-04T14:45:00Z"))).isEqualTo(millis("2026-04-04T14:00:00Z"));
        assertThat(hours.restOfHour(Instant.parse("2026-04-04T14:45:00Z"))).isCloseTo(0.25, within(1e-9));
        assertThat(hours.hourOf(Instant.parse("2026-04-04T15:10:00Z"))).as("01:40 +10:30, the half hour after the change")
                .isEqualTo(millis("2026-04-04T15:00:00Z"));
        assertThat(hours.restOfHour(Instant.parse("2026-04-04T15:10:00Z"))).isCloseTo(20 / 60.0, within(1e-9));
        assertThat(hours.hourOf(Instant.parse("2026-04-04T15:30:00Z"))).as("02:00 +10:30")
                .isEqualTo(millis("2026-04-04T15:30:00Z"));
    }

    @Test
    void everyInstantOfAChangeOfTheClocksIsInOneHourThatEndsWhereTheNextBegins() {
        for (ZoneId zone : List.of(KOLKATA, ZoneId.of("Asia/Kathmandu"), ST_JOHNS, ADELAIDE, LORD_HOWE,
                ZoneId.of("Europe/Berlin"))) {
            ClockHours hours = new ClockHours(zone);
            for (Instant transition : List.of(Instant.parse("2025-04-06T00:00:00Z"), Instant.parse("2025-10-05T00:00:00Z"),
                    Instant.parse("2025-11-02T00:00:00Z"), Instant.parse("2026-03-29T00:00:00Z"),
                    Instant.parse("2026-04-05T00:00:00Z"))) {
                long previous = Long.MIN_VALUE;
                for (Instant at = transition.minus(Duration.ofHours(20)); at.isBefore(transition.plus(Duration.ofHours(20)));
                     at = at.plus(Duration.ofMinutes(5))) {
                    String where = zone + " at " + at;
                    long hour = hours.hourOf(at);
                    double rest = hours.restOfHour(at);
                    Instant end = at.plusMillis(Math.round(rest * Duration.ofHours(1).toMillis()));

                    assertThat(hour).as(where).isLessThanOrEqualTo(at.toEpochMilli()).isGreaterThanOrEqualTo(previous);
                    assertThat(rest).as(where).isGreaterThan(0).isLessThanOrEqualTo(1);
                    assertThat(hours.hourOf(end)).as(where + ": the next hour begins where this one ends")
                            .isEqualTo(end.toEpochMilli());
                    assertThat(hours.hourOf(end.minusMillis(1))).as(where).isEqualTo(hour);
                    if (zone != LORD_HOWE) {
                        // Where the clocks move by whole hours, the hour starts at the local time truncated to the hour.
                        assertThat(hour).as(where)
                                .isEqualTo(at.atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant().toEpochMilli());
                    }
                    previous = hour;
                }
            }
        }
    }

    @Test
    void instantsAskedOutOfOrderAcrossAChangeOfTheClocksGetTheirOwnHours() {
        // A call's answer is asked about after later pacing rounds: the offset read last must not stick.
        ClockHours hours = new ClockHours(ST_JOHNS);

        assertThat(hours.hourOf(Instant.parse("2025-11-02T05:00:00Z"))).isEqualTo(millis("2025-11-02T04:30:00Z"));
        assertThat(hours.hourOf(Instant.parse("2025-11-02T04:00:00Z"))).isEqualTo(millis("2025-11-02T03:30:00Z"));
        assertThat(hours.hourOf(Instant.parse("2026-07-01T12:10:00Z"))).isEqualTo(millis("2026-07-01T11:30:00Z"));
        assertThat(hours.hourOf(Instant.parse("2025-11-02T05:00:00Z"))).isEqualTo(millis("2025-11-02T04:30:00Z"));
    }

    @Test
    void theHourKeptFromTheLastQuestionIsTheHourAFreshCountNames() {
        // Each question is answered from the hour named last while it holds: instants close together and
        // far apart, forwards and back, around the changes of the clocks, must get what a new ClockHours says.
        Random random = new Random(15);
        for (ZoneId zone : List.of(KOLKATA, ST_JOHNS, ADELAIDE, LORD_HOWE, ZoneId.of("UTC"))) {
            ClockHours kept = new ClockHours(zone);
            Instant at = Instant.parse("2025-10-04T12:00:00Z");
            for (int i = 0; i < 20_000; i++) {
                at = at.plusMillis(random.nextInt(10) == 0 ? random.nextLong(-20_000_000, 20_000_000) : random.nextLong(0, 60_000));
                assertThat(kept.hourOf(at)).as("%s at %s", zone, at).isEqualTo(new ClockHours(zone).hourOf(at));
                assertThat(kept.restOfHour(at)).as("%s at %s", zone, at).isEqualTo(new ClockHours(zone).restOfHour(at));
            }
        }
    }

    private static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }
}
