package dev.outdial.dialing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A running campaign calls from its hotlines as they are now: an admin who disables a hotline (the
 * number was given back, the trunk is broken) sees no further call go out on it, and one who
 * renumbers or enables it again sees calls go out on the new number, without pausing or starting the
 * campaign again. Numbers ending in 0002 ring out unanswered.
 */
@OutdialIntegrationTest
@ShortSimulatedCalls
class RunningCampaignHotlinesTest {


    @Autowired
    Api api;

    @Test
    void aHotlineDisabledWhileTheCampaignRunsIsNotCalledFromAndOneEnabledAgainIsUnderItsNewNumber() {
        TestBusiness business = api.newBusiness("HotlineEdited");
        DialingScenario campaign = DialingScenario.running(business, "PROGRESSIVE", DialingScenario.ONE_CALL_NO_GAP);
        long hotline = campaign.fixtures.hotlineId;
        campaign.ready(campaign.fixtures.agent);
        campaign.awaitNotDialingBecause("NO_ELIGIBLE_CUSTOMERS");

        business.admin().put("/api/v1/hotlines/" + hotline, Map.of("enabled", false)).expect(200);
        assertThat(campaign.awaitNotDialingBecause("NO_HOTLINE_AVAILABLE").get("message").asString())
                .contains("no hotline");
        long waiting = campaign.add("+84913220002").getFirst();
        campaign.engineCaughtUp();
        assertThat(campaign.calls()).as("calls dialed with the only hotline disabled").isEmpty();

        String renumbered = business.admin().put("/api/v1/hotlines/" + hotline,
                Map.of("enabled", true, "number", "+84 28 7399 9911")).expect(200).json().get("number").asString();
        campaign.waitForStatus(waiting, "MAX_ATTEMPTS");
        assertThat(campaign.callsOf(waiting)).singleElement()
                .satisfies(call -> assertThat(call.get("hotline").asString()).isEqualTo(renumbered));
    }

    @Test
    void aHotlineDisabledWhileTheCampaignIsPausedIsNotCalledFromWhenItRunsAgain() {
        TestBusiness business = api.newBusiness("HotlineEditedPaused");
        DialingScenario campaign = DialingScenario.running(business, "PROGRESSIVE", DialingScenario.ONE_CALL_NO_GAP);
        campaign.ready(campaign.fixtures.agent);
        campaign.awaitNotDialingBecause("NO_ELIGIBLE_CUSTOMERS");
        business.admin().post("/api/v1/campaigns/" + campaign.campaignId + "/pause").expect(200);

        business.admin().put("/api/v1/hotlines/" + campaign.fixtures.hotlineId, Map.of("enabled", false)).expect(200);
        business.admin().post("/api/v1/campaigns/" + campaign.campaignId + "/resume").expect(200);
        campaign.awaitNotDialingBecause("NO_HOTLINE_AVAILABLE");
        campaign.add("+84913230002");
        campaign.engineCaughtUp();
        assertThat(campaign.calls()).as("calls dialed with the only hotline disabled").isEmpty();
    }
}
