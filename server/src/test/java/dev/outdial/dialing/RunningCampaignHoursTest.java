package dev.outdial.dialing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "A campaign dials only inside its working hours" (SPEC §2), as they are now: an admin edits the
 * schedule of a running campaign, or the business's time zone, and the campaign dials by the change
 * from then on without being paused or started again (the audit judges each call by the hours in
 * force when it was dialed). Numbers ending in 0002 ring out unanswered.
 */
@OutdialIntegrationTest
@ShortSimulatedCalls
class RunningCampaignHoursTest {


    @Autowired
    Api api;

    @Test
    void hoursClosedWhileTheCampaignRunsStopItsDialingAndOpenedAgainResumeIt() {
        TestBusiness business = api.newBusiness("HoursEdited");
        DialingScenario campaign = DialingScenario.running(business, "PROGRESSIVE", DialingScenario.ONE_CALL_NO_GAP);
        long hours = campaign.workingHoursId();
        campaign.ready(campaign.fixtures.agent);

        saveHours(business, hours, DialingScenario.closedToday());
        campaign.awaitNotDialingBecause("OUTSIDE_WORKING_HOURS");
        List<Long> customers = campaign.add("+84913170002", "+84913180002");
        campaign.engineCaughtUp();
        assertThat(campaign.calls()).as("calls dialed after the hours closed").isEmpty();

        saveHours(business, hours, DialingScenario.allWeek());
        customers.forEach(customer -> campaign.waitForStatus(customer, "MAX_ATTEMPTS"));
        assertThat(campaign.calls()).hasSize(2);
    }

    @Test
    void hoursClosedWhileTheCampaignIsPausedHoldWhenItRunsAgain() {
        TestBusiness business = api.newBusiness("HoursEditedPaused");
        DialingScenario campaign = DialingScenario.running(business, "PROGRESSIVE", DialingScenario.ONE_CALL_NO_GAP);
        long hours = campaign.workingHoursId();
        campaign.ready(campaign.fixtures.agent);
        campaign.awaitNotDialingBecause("NO_ELIGIBLE_CUSTOMERS");
        business.admin().post("/api/v1/campaigns/" + campaign.campaignId + "/pause").expect(200);

        saveHours(business, hours, DialingScenario.closedToday());
        business.admin().post("/api/v1/campaigns/" + campaign.campaignId + "/resume").expect(200);
        campaign.awaitNotDialingBecause("OUTSIDE_WORKING_HOURS");
        campaign.add("+84913210002");
        campaign.engineCaughtUp();
        assertThat(campaign.calls()).as("calls dialed after the hours closed").isEmpty();
    }

    @Test
    void aTimeZoneChangedWhileTheCampaignRunsMovesItsHours() {
        TestBusiness business = api.newBusiness("ZoneMoved");
        DialingScenario campaign = DialingScenario.running(business, "PROGRESSIVE", DialingScenario.ONE_CALL_NO_GAP,
                DialingScenario.openAroundNow());
        long first = campaign.add("+84913190002").getFirst();
        campaign.ready(campaign.fixtures.agent);
        campaign.waitForStatus(first, "MAX_ATTEMPTS");

        business.admin().put("/api/v1/business", Map.of("timeZone", "America/New_York")).expect(200);
        campaign.awaitNotDialingBecause("OUTSIDE_WORKING_HOURS");
        long second = campaign.add("+84913200002").getFirst();
        campaign.engineCaughtUp();
        assertThat(campaign.customer(second).get("status").asString()).isEqualTo("NEW");
        assertThat(campaign.calls()).as("only the call dialed before the zone moved").hasSize(1);
    }

    private static void saveHours(TestBusiness business, long hours, Map<String, Object> week) {
        business.admin().put("/api/v1/working-hours/" + hours,
                Map.of("name", "Hours " + hours, "week", week, "holidays", List.of())).expect(200);
    }
}
