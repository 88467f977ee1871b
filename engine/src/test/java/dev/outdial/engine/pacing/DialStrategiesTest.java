package dev.outdial.engine.pacing;

import static dev.outdial.engine.fixtures.CampaignSettingsBuilder.aPredictiveCampaign;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.call.CampaignSettings;
import dev.outdial.engine.rules.WeeklySchedule;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DialStrategiesTest {

    @Test
    void aPredictiveCampaignHoldsItsLimitInTheClockHoursOfItsBusiness() {
        // The server reads the working hours in the business's zone (SPEC §2): that is the clock a regulator counts.
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        CampaignSettings settings = aPredictiveCampaign(1).predictive(0.02, Duration.ofSeconds(12), Optional.empty())
                .workingHours(WeeklySchedule.in(kolkata).open(EnumSet.allOf(DayOfWeek.class), "09:00", "18:00").build())
                .build();

        PredictiveStrategy strategy = (PredictiveStrategy) DialStrategies.of(settings);

        assertThat(strategy.settings()).isEqualTo(new PredictiveSettings(0.02, Duration.ofSeconds(12), kolkata));
    }
}
