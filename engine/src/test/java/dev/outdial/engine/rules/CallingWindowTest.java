package dev.outdial.engine.rules;

import static dev.outdial.engine.rules.Verdicts.reasonOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outdial.engine.rules.DialVerdict.Reason;
import dev.outdial.engine.rules.DialVerdict.Refused;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallingWindowTest {

    static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    static final String SYDNEY_LANDLINE = "+61212345678";
    static final String AUSTRALIAN_MOBILE = "+61412345678";

    /** Monday 2025-03-03 09:30 in Sydney (UTC+11); Perth (UTC+8) is at 06:30. */
    static final Instant MONDAY_MORNING_IN_SYDNEY = Instant.parse("2025-03-02T22:30:00Z");

    WeeklySchedule everyDay(String start, String end) {
        return WeeklySchedule.in(SYDNEY).open(EnumSet.allOf(DayOfWeek.class), start, end).build();
    }

    CallingWindow window = new CallingWindow(Instant.parse("2025-03-01T00:00:00Z"), Optional.of(Instant.parse("2025-04-01T00:00:00Z")),
            everyDay("08:00", "20:00"), Optional.of(everyDay("09:00", "20:00")), new CalledPartyZones());

    @Test
    void numberInsideWorkingAndLocalHoursMayBeRung() {
        assertThat(window.verdict(MONDAY_MORNING_IN_SYDNEY, SYDNEY_LANDLINE).isAllowed()).isTrue();
    }

    @Test
    void nothingIsDialedBeforeTheStartOrAfterTheEnd() {
        assertThat(reasonOf(window.verdict(Instant.parse("2025-02-28T23:00:00Z"), SYDNEY_LANDLINE))).isEqualTo(Reason.BEFORE_START);
        assertThat(reasonOf(window.verdict(Instant.parse("2025-04-01T00:00:00Z"), SYDNEY_LANDLINE))).isEqualTo(Reason.AFTER_END);
    }

    @Test
    void dialingGoesOnUntilTheWorkingHoursCloseOrTheEndTimeWhicheverComesFirst() {
        assertThat(window.dialingUntil(MONDAY_MORNING_IN_SYDNEY)).as("20:00 in Sydney")
                .contains(Instant.parse("2025-03-03T09:00:00Z"));
        assertThat(window.dialingUntil(Instant.parse("2025-03-31T12:00:00Z"))).as("23:00 in Sydney: closed").isEmpty();
        CallingWindow endingAtNoon = new CallingWindow(window.start(), Optional.of(Instant.parse("2025-03-03T01:00:00Z")),
                window.workingHours(), Optional.empty(), new CalledPartyZones());
        assertThat(endingAtNoon.dialingUntil(MONDAY_MORNING_IN_SYDNEY)).as("the end time, noon in Sydney")
                .contains(Instant.parse("2025-03-03T01:00:00Z"));
        CallingWindow roundTheClock = new CallingWindow(window.start(), Optional.empty(), everyDay("00:00", "00:00"),
                Optional.empty(), new CalledPartyZones());
        assertThat(roundTheClock.dialingUntil(MONDAY_MORNING_IN_SYDNEY)).isEmpty();
    }

    @Test
    void nothingIsDialedOutsideWorkingHours() {
        DialVerdict verdict = window.campaignVerdict(Instant.parse("2025-03-03T10:00:00Z"));

        assertThat(reasonOf(verdict)).isEqualTo(Reason.OUTSIDE_WORKING_HOURS);
        assertThat(((Refused) verdict).detail()).contains("until 2025-03-03T21:00:00Z");
    }

    @Test
    void numberSpanningSeveralZonesIsRungOnlyWhenInsideLocalHoursInAllOfThem() {
        DialVerdict verdict = window.verdict(MONDAY_MORNING_IN_SYDNEY, AUSTRALIAN_MOBILE);

        assertThat(reasonOf(verdict)).isEqualTo(Reason.OUTSIDE_LOCAL_CALLING_HOURS);
        assertThat(window.verdict(Instant.parse("2025-03-03T03:00:00Z"), AUSTRALIAN_MOBILE).isAllowed())
                .as("14:00 in Sydney, 11:00 in Perth, 09:30 on the Cocos Islands").isTrue();
    }

    @Test
    void numberWhoseZoneIsUnknownIsNotRungWhereLocalHoursApply() {
        Refused refused = (Refused) window.verdict(MONDAY_MORNING_IN_SYDNEY, "+80012345678");

        assertThat(refused.reason()).isEqualTo(Reason.OUTSIDE_LOCAL_CALLING_HOURS);
        assertThat(refused.detail()).contains("unknown");
    }

    @Test
    void withoutLocalCallingHoursOnlyTheCampaignsWindowApplies() {
        CallingWindow workingHoursOnly = new CallingWindow(window.start(), window.end(), window.workingHours(),
                Optional.empty(), new CalledPartyZones());

        assertThat(workingHoursOnly.verdict(MONDAY_MORNING_IN_SYDNEY, "+80012345678").isAllowed()).isTrue();
    }

    @Test
    void endBeforeStartIsRejected() {
        assertThatThrownBy(() -> new CallingWindow(Instant.parse("2025-03-01T00:00:00Z"), Optional.of(Instant.parse("2025-03-01T00:00:00Z")),
                everyDay("08:00", "20:00"), Optional.empty(), new CalledPartyZones()))
                .hasMessageContaining("must be after the start time");
    }
}
