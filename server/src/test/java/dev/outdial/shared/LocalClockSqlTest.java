package dev.outdial.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.pacing.ClockHours;
import dev.outdial.testing.OutdialIntegrationTest;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database (H2 here, PostgreSQL under {@code -Ppostgres}) names an instant's local clock hour
 * as the engine's {@link ClockHours} does and its local date as {@link LocalDate} does, in zones
 * whose hours are not UTC's: half- and quarter-hour offsets, both changes of daylight saving time,
 * and Lord Howe Island's half-hour change. Instants every 5 minutes around each of the period's
 * transitions, and around midnight.
 */
@OutdialIntegrationTest
class LocalClockSqlTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("2027-01-01T00:00:00Z");

    @Autowired
    JdbcClient db;

    @Test
    void eachInstantIsInTheClockHourAndOnTheDateOfTheBusinessZone() {
        for (String id : List.of("Asia/Kolkata", "Asia/Kathmandu", "America/St_Johns", "Europe/Berlin",
                "America/New_York", "Australia/Lord_Howe", "UTC")) {
            ZoneId zone = ZoneId.of(id);
            String hour = LocalClockSql.hourOf("extract(epoch from cast(:at as timestamp with time zone))", zone, START, END);
            String day = LocalClockSql.dayOf("extract(epoch from cast(:at as timestamp with time zone))", zone, START, END);
            ClockHours clockHours = new ClockHours(zone);
            for (Instant at : instantsAroundChanges(zone)) {
                long expectedHour = clockHours.hourOf(at) / 1000;
                long expectedDay = at.atZone(zone).toLocalDate().toEpochDay();
                assertThat(read(hour, at)).as("the hour of %s in %s", at, id).isEqualTo(expectedHour);
                assertThat(read(day, at)).as("the day of %s in %s", at, id).isEqualTo(expectedDay);
            }
        }
    }

    @Test
    void twoInstantsInOneLocalHourOfAHalfHourZoneAreOneHourThoughTheyAreInTwoUtcHours() {
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        String hour = LocalClockSql.hourOf("extract(epoch from cast(:at as timestamp with time zone))", kolkata, START, END);
        // 10:20 and 10:40 in Kolkata: 04:50 and 05:10 UTC.
        assertThat(read(hour, Instant.parse("2026-03-02T04:50:00Z")))
                .isEqualTo(read(hour, Instant.parse("2026-03-02T05:10:00Z")))
                .isEqualTo(Instant.parse("2026-03-02T04:30:00Z").getEpochSecond());
    }

    private long read(String expression, Instant at) {
        return db.sql("select " + expression + " as k").param("at", SqlTime.toSql(at))
                .query((row, n) -> row.getBigDecimal("k")).single().setScale(0, RoundingMode.UNNECESSARY)
                .longValueExact();
    }

    /** Every 5 minutes from 3 hours before to 3 hours after each transition of the year, and around a midnight. */
    private static List<Instant> instantsAroundChanges(ZoneId zone) {
        List<Instant> centres = new ArrayList<>();
        centres.add(LocalDate.of(2026, 6, 15).atStartOfDay(zone).toInstant());
        for (ZoneOffsetTransition next = zone.getRules().nextTransition(START);
             next != null && next.getInstant().isBefore(END); next = zone.getRules().nextTransition(next.getInstant())) {
            centres.add(next.getInstant());
        }
        List<Instant> instants = new ArrayList<>();
        for (Instant centre : centres) {
            for (long minutes = -180; minutes <= 180; minutes += 5) {
                instants.add(centre.plus(Duration.ofMinutes(minutes)));
            }
        }
        return instants;
    }
}
