package dev.outdial.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.Await;
import dev.outdial.testing.OutdialIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./outdial demo}: "a running manual, a preview and a progressive campaign with a few
 * hundred customers, and simulated agents … on the progressive one, so a newcomer sees it dial at
 * once". The application closes after, so its bots stop dialing.
 */
@OutdialIntegrationTest
@ActiveProfiles(resolver = DemoTestProfiles.class)
@DirtiesContext
@Tag("slow") // the whole demo, bots included, in an application of its own that no other class can share
class DemoCampaignsTest {


    @Autowired
    Api api;

    @Test
    void theDemoStartsWithThreeRunningCampaignsAndTheProgressiveOneDialsAtOnce() {
        Api.Client admin = api.as("admin@demo.outdial.dev", "demo-admin-pass");
        List<JsonNode> campaigns = new ArrayList<>();
        admin.get("/api/v1/campaigns").expect(200).json().forEach(campaigns::add);

        assertThat(campaigns).extracting(campaign -> campaign.get("name").asString())
                .contains(DemoCampaigns.MANUAL, DemoCampaigns.PREVIEW, DemoCampaigns.PROGRESSIVE);
        assertThat(campaigns).allSatisfy(campaign -> assertThat(campaign.get("status").asString()).isEqualTo("RUNNING"));
        long progressive = campaigns.stream().filter(c -> c.get("name").asString().equals(DemoCampaigns.PROGRESSIVE))
                .findFirst().orElseThrow().get("id").asLong();
        assertThat(admin.get("/api/v1/campaigns/" + progressive + "/customers?limit=500").expect(200).json()
                .get("items")).hasSize(DemoCampaigns.CUSTOMERS_EACH);

        Await.until(() -> admin.get("/api/v1/campaigns/" + progressive + "/calls").expect(200).json(),
                calls -> !calls.isEmpty(), "a call placed by the progressive campaign");
        assertThat(api.as("bot1@demo.outdial.dev", "demo-agent").get("/api/v1/me/campaigns").status())
                .as("a bot cannot sign in").isEqualTo(401);
    }

    @Test
    void thePredictiveDemoCampaignDialsForItsBotsAtOnce() {
        Api.Client admin = api.as("admin@demo.outdial.dev", "demo-admin-pass");
        List<JsonNode> campaigns = new ArrayList<>();
        admin.get("/api/v1/campaigns?dialMode=PREDICTIVE").expect(200).json().forEach(campaigns::add);
        JsonNode predictive = campaigns.stream().filter(c -> c.get("name").asString().equals(DemoCampaigns.PREDICTIVE))
                .findFirst().orElseThrow();
        assertThat(predictive.get("status").asString()).isEqualTo("RUNNING");
        long id = predictive.get("id").asLong();

        Await.until(() -> admin.get("/api/v1/campaigns/" + id + "/calls").expect(200).json(),
                calls -> !calls.isEmpty(), "a call placed by the predictive campaign");
    }
}
