package dev.outdial.engine.sim.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outdial.engine.call.CampaignSettings;
import dev.outdial.engine.customer.DialType;
import dev.outdial.engine.sim.forecast.CampaignForecast.Forecast;
import dev.outdial.engine.sim.forecast.CampaignForecast.ForecastCampaign;
import dev.outdial.engine.sim.forecast.CampaignForecast.ForecastRates;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CampaignForecastTest {

    static final ForecastRates TYPICAL = new ForecastRates(0.35, 0.10, Duration.ofSeconds(8), Duration.ofSeconds(90),
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(45));

    @Test
    void aProgressiveCampaignFinishesItsCustomersAndMoreAgentsFinishSooner() {
        Forecast five = CampaignForecast.run(campaign(DialType.PROGRESSIVE, 5, 300), TYPICAL, 1);
        Forecast ten = CampaignForecast.run(campaign(DialType.PROGRESSIVE, 10, 300), TYPICAL, 1);

        assertThat(five.finished()).isTrue();
        assertThat(five.contacts()).isPositive();
        assertThat(ten.dialingTime()).isLessThan(five.dialingTime());
        assertThat(ten.contactsPerHour()).isGreaterThan(five.contactsPerHour());
    }

    @Test
    void aPredictiveCampaignReachesMoreCustomersAnHourThanProgressiveWithinItsAbandonLimit() {
        // Enough customers that the agents set the pace: with 600, both finished in the same time, bound by
        // the customers' gaps between attempts, and the comparison was of a few contacts' luck.
        Forecast predictive = CampaignForecast.run(campaign(DialType.PREDICTIVE, 10, 2000), TYPICAL, 2);
        Forecast progressive = CampaignForecast.run(campaign(DialType.PROGRESSIVE, 10, 2000), TYPICAL, 2);

        assertThat(predictive.contactsPerHour()).isGreaterThan(progressive.contactsPerHour());
        assertThat(predictive.abandonRate()).isLessThanOrEqualTo(0.05);
    }

    @Test
    void aLargeCampaignIsSimulatedInPartAndScaledBack() {
        Forecast large = CampaignForecast.run(campaign(DialType.PROGRESSIVE, 500, 100_000), TYPICAL, 3);

        assertThat(large.simulatedAgents()).isEqualTo(CampaignForecast.MAX_SIMULATED_AGENTS);
        assertThat(large.simulatedCustomers()).isLessThanOrEqualTo(CampaignForecast.MAX_SIMULATED_CUSTOMERS);
        Forecast share = CampaignForecast.run(campaign(DialType.PROGRESSIVE, 50, 10_000), TYPICAL, 3);
        assertThat(large.dialingTime()).isEqualTo(share.dialingTime());
        assertThat(large.contactsPerHour()).isEqualTo(share.contactsPerHour() * 10);
    }

    @Test
    void theSameInputsGiveTheSameForecast() {
        assertThat(CampaignForecast.run(campaign(DialType.PREDICTIVE, 4, 200), TYPICAL, 9))
                .isEqualTo(CampaignForecast.run(campaign(DialType.PREDICTIVE, 4, 200), TYPICAL, 9));
    }

    @Test
    void theForecastDialsInTheBusinesssZoneAndItsPredictivePacingHoldsTheLimitInThatZonesClockHours() {
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        CampaignSettings settings = CampaignForecast.settings(campaign(DialType.PREDICTIVE, 20, 2000, kolkata), 20);
        assertThat(settings.zone()).isEqualTo(kolkata);
        assertThat(settings.dailyQuota().dayOf(Instant.parse("2025-03-02T20:00:00Z")).date())
                .as("01:30 the next day in Kolkata").isEqualTo(LocalDate.parse("2025-03-03"));

        // Ho Chi Minh City's hours (+07:00) start when UTC's do: the pacing is the same, to the call.
        Forecast utc = CampaignForecast.run(campaign(DialType.PREDICTIVE, 20, 2000, ZoneOffset.UTC), TYPICAL, 2);
        assertThat(CampaignForecast.run(campaign(DialType.PREDICTIVE, 20, 2000, ZoneId.of("Asia/Ho_Chi_Minh")), TYPICAL, 2))
                .isEqualTo(utc);
        // Kolkata's (+05:30) start at half past UTC's: the abandon budget is renewed at other instants.
        assertThat(CampaignForecast.run(campaign(DialType.PREDICTIVE, 20, 2000, kolkata), TYPICAL, 2)).isNotEqualTo(utc);
    }

    /**
     * The forecast's hours run on across midnight: a schedule closed from 23:59 gave every day of a forecast a minute
     * without dialing and, to the predictive strategy's hour guard, a close ahead in the hour before it.
     */
    @Test
    void theForecastIsOpenAroundTheClockMidnightIncluded() {
        CampaignSettings settings = CampaignForecast.settings(campaign(DialType.PREDICTIVE, 20, 2000), 20);

        assertThat(settings.window().dialingUntil(Instant.parse("2025-03-03T23:30:00Z"))).isEmpty();
        assertThat(settings.window().campaignVerdict(Instant.parse("2025-03-03T23:59:30Z")).isAllowed()).isTrue();
    }

    @Test
    void nothingLeftIsDoneAtOnce() {
        assertThat(CampaignForecast.run(campaign(DialType.PREVIEW, 3, 0), TYPICAL, 1).dialingTime()).isZero();
    }

    @Test
    void agentsWhoDialThemselvesAreNotForecast() {
        assertThatThrownBy(() -> campaign(DialType.MANUAL, 3, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ForecastCampaign campaign(DialType type, int agents, long customers) {
        return campaign(type, agents, customers, ZoneOffset.UTC);
    }

    private static ForecastCampaign campaign(DialType type, int agents, long customers, ZoneId zone) {
        return new ForecastCampaign(type, agents, customers, 3, Duration.ofMinutes(30), OptionalInt.empty(), 0.03,
                Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(10), zone);
    }
}
