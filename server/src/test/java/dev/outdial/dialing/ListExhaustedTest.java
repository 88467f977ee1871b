package dev.outdial.dialing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * "Campaigns other than auto callback pause themselves (PAUSED, reason 'list exhausted') when no
 * customer is or will become eligible; adding customers and resuming continues them" (SPEC §4.2),
 * here checked often and at once, on the simulated carrier: 0001 busy, 0003 answers.
 */
@OutdialIntegrationTest
@TestPropertySource(properties = {
        "outdial.dialing.list-exhausted-after=0s",
        "outdial.dialing.list-exhausted-check=PT0.1S",
        "outdial.telephony.sim.rules.0001=BUSY",
        "outdial.telephony.sim.rules.0003=ANSWER",
        "outdial.telephony.sim.signal-delay=50ms",
        "outdial.telephony.sim.ring-time=50ms",
        "outdial.telephony.sim.talk-time=300ms",
        "outdial.telephony.sim.spread=0"})
class ListExhaustedTest {


    @Autowired
    Api api;

    @Test
    void aManualCampaignWhoseLastCustomerIsDonePausesItselfAsListExhaustedAndResumesWithNewCustomers() {
        DialingScenario manual = DialingScenario.running(api.newBusiness("Exhausted"), "MANUAL",
                Map.of("maxCallsPerCustomer", 1));
        TestBusiness.Person agent = manual.fixtures.agent;
        manual.ready(agent);
        long busy = manual.add("+84915010001").getFirst();

        manual.waitForCallEnd(agent.client(), manual.getAndDial(agent, busy));

        manual.waitForStatus(busy, "MAX_ATTEMPTS");
        waitForCampaignStatus(manual, "PAUSED");
        JsonNode last = history(manual).getLast();
        assertThat(last.get("action").asString()).isEqualTo("LIST_EXHAUSTED");
        assertThat(last.get("from").asString()).isEqualTo("RUNNING");
        JsonNode actor = last.get("actorId");
        assertThat(actor == null || actor.isNull()).as("the system paused it: " + last).isTrue();

        long added = manual.add("+84915020003").getFirst();
        manual.business.admin().post("/api/v1/campaigns/" + manual.campaignId + "/resume").expect(200);
        String call = manual.getAndDial(agent, added);
        assertThat(manual.waitForCallEnd(agent.client(), call).get("result").asString()).isEqualTo("SUCCESS");
    }

    @Test
    void aCampaignWithACustomerLeftToRetryOrNoCustomerYetKeepsRunning() {
        DialingScenario retrying = DialingScenario.running(api.newBusiness("Retrying"), "MANUAL",
                Map.of("maxCallsPerCustomer", 2, "retryGapMinutes", 60));
        DialingScenario empty = retrying.another("MANUAL", Map.of(), DialingScenario.allWeek());
        TestBusiness.Person agent = retrying.fixtures.agent;
        retrying.ready(agent);
        long busy = retrying.add("+84915030001").getFirst();
        retrying.waitForCallEnd(agent.client(), retrying.getAndDial(agent, busy));
        retrying.waitForStatus(busy, "RETRY");

        awaitWholeCheck(retrying);

        assertThat(campaignStatus(retrying)).isEqualTo("RUNNING");
        assertThat(campaignStatus(empty)).isEqualTo("RUNNING");
    }

    @Test
    void anAutoCallbackCampaignNeverPausesItself() {
        DialingScenario callbacks = DialingScenario.running(api.newBusiness("Callbacks"), "AUTO_CALLBACK", Map.of());
        DialingScenario manual = callbacks.another("MANUAL", Map.of(), DialingScenario.allWeek());
        // A customer paused by a supervisor never becomes eligible by itself: both lists are exhausted.
        for (DialingScenario campaign : List.of(callbacks, manual)) {
            long customer = campaign.add("+84915040003").getFirst();
            campaign.business.admin().post("/api/v1/campaigns/" + campaign.campaignId + "/customers/" + customer
                    + "/pause").expect(200);
        }

        waitForCampaignStatus(manual, "PAUSED");
        awaitWholeCheck(callbacks);

        assertThat(campaignStatus(callbacks)).isEqualTo("RUNNING");
    }

    /**
     * Proof that a whole check of the lists ran after this moment: a campaign made exhausted now is
     * paused by a later check; a second one made once the first is paused, by a check later still,
     * which starts only when the one before it (which saw every campaign running now) has ended.
     */
    private static void awaitWholeCheck(DialingScenario scenario) {
        for (int i = 0; i < 2; i++) {
            DialingScenario sentinel = scenario.another("MANUAL", Map.of(), DialingScenario.allWeek());
            long customer = sentinel.add("+84915090003").getFirst();
            sentinel.business.admin().post("/api/v1/campaigns/" + sentinel.campaignId + "/customers/" + customer
                    + "/pause").expect(200);
            waitForCampaignStatus(sentinel, "PAUSED");
        }
    }

    private static String campaignStatus(DialingScenario scenario) {
        return scenario.business.admin().get("/api/v1/campaigns/" + scenario.campaignId).expect(200).json()
                .get("status").asString();
    }

    private static void waitForCampaignStatus(DialingScenario scenario, String status) {
        DialingScenario.waitFor(() -> campaignStatus(scenario), status::equals,
                "campaign " + scenario.campaignId + " to be " + status);
    }

    private static List<JsonNode> history(DialingScenario scenario) {
        List<JsonNode> entries = new ArrayList<>();
        scenario.business.admin().get("/api/v1/campaigns/" + scenario.campaignId + "/history").expect(200).json()
                .forEach(entries::add);
        return entries;
    }
}
