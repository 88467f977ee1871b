package dev.outdial.dialing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.call.CampaignSettings;
import dev.outdial.testing.Api;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 15: a predictive campaign holds its abandon limit in the clock hours a regulator counts, the
 * business's: the engine's settings carry the business's zone (a half-hour one here) to the pacing.
 */
@OutdialIntegrationTest
class EngineCampaignsTest {

    @Autowired
    Api api;

    @Autowired
    EngineCampaigns engineCampaigns;

    @Test
    void aPredictiveCampaignIsPacedOnTheBusinesssClock() {
        TestBusiness business = api.newBusiness("Kolkata");
        business.admin().put("/api/v1/business", Map.of("timeZone", "Asia/Kolkata")).expect(200);
        long campaign = business.admin().post("/api/v1/campaigns",
                new CampaignFixtures(business).fullBody("Local hours", "PREDICTIVE")).expect(201).id();

        CampaignSettings settings = engineCampaigns.settingsOf(business.id(), campaign);

        assertThat(settings.zone()).isEqualTo(ZoneId.of("Asia/Kolkata"));
        assertThat(settings.predictive()).isPresent();
    }
}
