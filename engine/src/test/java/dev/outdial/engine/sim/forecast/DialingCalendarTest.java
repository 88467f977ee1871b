package dev.outdial.engine.sim.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.rules.CalledPartyZones;
import dev.outdial.engine.rules.CallingWindow;
import dev.outdial.engine.rules.WeeklySchedule;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DialingCalendarTest {

    static final WeeklySchedule OFFICE = WeeklySchedule.in(ZoneOffset.UTC)
            .open(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "09:00", "17:00").build();
    static final Instant MONDAY_FOUR_PM = Instant.parse("2025-03-03T16:00:00Z");

    @Test
    void dialingTimeLeftAtTheEndOfADayGoesOnTheNextMorning() {
        CallingWindow window = new CallingWindow(Instant.parse("2025-03-01T00:00:00Z"), Optional.empty(), OFFICE,
                Optional.empty(), new CalledPartyZones());

        assertThat(DialingCalendar.doneAfter(window, MONDAY_FOUR_PM, Duration.ofHours(2)))
                .contains(Instant.parse("2025-03-04T10:00:00Z"));
    }

    @Test
    void workThatOutlastsTheCampaignIsNotDoneBeforeItsEnd() {
        CallingWindow window = new CallingWindow(Instant.parse("2025-03-01T00:00:00Z"),
                Optional.of(Instant.parse("2025-03-05T00:00:00Z")), OFFICE, Optional.empty(), new CalledPartyZones());

        assertThat(DialingCalendar.doneAfter(window, MONDAY_FOUR_PM, Duration.ofHours(20))).isEmpty();
    }
}
