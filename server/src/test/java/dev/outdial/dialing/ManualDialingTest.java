package dev.outdial.dialing;

import static dev.outdial.dialing.DialingScenario.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Manual campaigns end to end through the agent API on the simulated carrier, whose numbers behave
 * by their last digits: 0001 busy, 0002 no answer, 0003 answers and talks a moment.
 */
@OutdialIntegrationTest
@ShortSimulatedCalls
class ManualDialingTest {

    @Autowired
    Api api;

    TestBusiness business;
    DialingScenario manual;
    TestBusiness.Person agent;

    @BeforeEach
    void runningManualCampaign() {
        business = api.newBusiness("Manual");
        manual = DialingScenario.running(business, "MANUAL", Map.of("maxCallsPerCustomer", 2));
        agent = manual.fixtures.agent;
        manual.ready(agent);
    }

    @Test
    void getCustomerRefusesASecondCustomerUntilTheFirstIsProcessed() {
        List<Long> ids = manual.add("+84912340003", "+84912350003");
        Api.Client me = agent.client();

        JsonNode first = me.post("/api/v1/me/campaigns/" + manual.campaignId + "/next").expect(200).json();
        assertThat(first.get("id").asLong()).isEqualTo(ids.get(0));
        assertProblem(me.post("/api/v1/me/campaigns/" + manual.campaignId + "/next"), 409, "PREVIOUS_NOT_PROCESSED");

        String callId = me.post("/api/v1/me/customers/" + ids.get(0) + "/dial").expect(201).json().get("id").asString();
        JsonNode ended = manual.waitForCallEnd(me, callId);
        assertThat(ended.get("result").asString()).isEqualTo("SUCCESS");
        assertThat(ended.get("connectedAt")).isNotNull();
        // Ended but not classified: still not processed.
        assertProblem(me.post("/api/v1/me/campaigns/" + manual.campaignId + "/next"), 409, "PREVIOUS_NOT_PROCESSED");

        JsonNode disposed = me.post("/api/v1/calls/" + callId + "/disposition", Map.of(
                "classification", manual.reachedClassification(), "next", "DONE",
                "answers", Map.of("notes", "Wants the brochure"))).expect(200).json();
        assertThat(disposed.get("next").asString()).isEqualTo("DONE");
        assertThat(manual.customer(ids.get(0)).get("status").asString()).isEqualTo("SUCCESS");

        JsonNode second = me.post("/api/v1/me/campaigns/" + manual.campaignId + "/next").expect(200).json();
        assertThat(second.get("id").asLong()).isEqualTo(ids.get(1));
    }

    @Test
    void aCallOfACampaignThatDoesNotRecordHasNoRecordingToPauseAndAnotherAgentsCallIsNotFound() {
        long customer = manual.add("+84912410003").getFirst();
        agent.client().post("/api/v1/me/campaigns/" + manual.campaignId + "/next").expect(200);
        String callId = agent.client().post("/api/v1/me/customers/" + customer + "/dial").expect(201).json()
                .get("id").asString();

        Api.Response refused = agent.client().post("/api/v1/calls/" + callId + "/recording/pause");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains(callId, "not being recorded");
        assertThat(manual.fixtures.secondAgent.client().post("/api/v1/calls/" + callId + "/recording/resume").status())
                .isEqualTo(404);
    }

    @Test
    void aCallNoLongerPutThroughCannotBeHeldAndAnotherAgentsCallIsNotFound() {
        long customer = manual.add("+84912410004").getFirst();
        Api.Client me = agent.client();
        me.post("/api/v1/me/campaigns/" + manual.campaignId + "/next").expect(200);
        String callId = me.post("/api/v1/me/customers/" + customer + "/dial").expect(201).json().get("id").asString();
        manual.waitForCallEnd(me, callId);

        Api.Response refused = me.post("/api/v1/calls/" + callId + "/hold");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains(callId, "not put through to you");
        assertThat(manual.fixtures.secondAgent.client().post("/api/v1/calls/" + callId + "/unhold").status())
                .isEqualTo(404);
    }

    @Test
    void theAgentSeesTheCustomerOfferedAndTheCallLiveOnTheirEventStream() {
        long customer = manual.add("+84912400003").getFirst();
        try (AgentEventsReader events = new AgentEventsReader(api.baseUrl(), agent.email(), "person-password")) {
            events.awaitConnected();
            agent.client().post("/api/v1/me/campaigns/" + manual.campaignId + "/next").expect(200);
            agent.client().post("/api/v1/me/customers/" + customer + "/dial").expect(201);
            events.await("call-ended");
            assertThat(events.events()).containsSubsequence("customer-offered", "call-placed", "call-answered",
                    "call-ended");
        }
    }

    @Test
    void busyAndUnansweredNumbersGoRetryThenMaxAttemptsAndAreNotCalledAgain() {
        List<Long> ids = manual.add("+84912360001", "+84912370002");
        Api.Client me = agent.client();
        for (long customer : ids) {
            assertThat(me.post("/api/v1/me/campaigns/" + manual.campaignId + "/next").expect(200).json().get("id").asLong())
                    .isEqualTo(customer);
            String first = me.post("/api/v1/me/customers/" + customer + "/dial").expect(201).json().get("id").asString();
            manual.waitForCallEnd(me, first);
            JsonNode retry = manual.waitForStatus(customer, "RETRY");
            assertThat(retry.get("attempts").asInt()).isEqualTo(1);

            // "In manual mode the agent may redial at once while attempts remain."
            String second = me.post("/api/v1/me/customers/" + customer + "/dial").expect(201).json().get("id").asString();
            manual.waitForCallEnd(me, second);
            assertThat(manual.waitForStatus(customer, "MAX_ATTEMPTS").get("attempts").asInt()).isEqualTo(2);

            me.post("/api/v1/me/customers/" + customer + "/dial").expect(409);
        }
        assertThat(manual.callsOf(ids.get(0))).extracting(call -> call.get("result").asString())
                .containsExactly("BUSY", "BUSY");
        assertThat(manual.callsOf(ids.get(1))).extracting(call -> call.get("result").asString())
                .containsExactly("NOANSWER", "NOANSWER");
        assertProblem(me.post("/api/v1/me/campaigns/" + manual.campaignId + "/next"), 409, "NOTHING_ELIGIBLE");
    }

    @Test
    void aNumberBlacklistedAfterImportIsNeverDialed() {
        long customer = manual.add("+84912380003").getFirst();
        Api.Client me = agent.client();
        me.post("/api/v1/me/campaigns/" + manual.campaignId + "/next").expect(200);

        business.admin().post("/api/v1/blacklist", Map.of("number", "+84912380003", "reason", "Asked us to stop"))
                .expect(201);

        assertProblem(me.post("/api/v1/me/customers/" + customer + "/dial"), 409, "BLOCKED");
        assertThat(manual.calls()).isEmpty();
        assertThat(manual.customer(customer).get("status").asString()).isEqualTo("BLOCKED");
        assertProblem(me.post("/api/v1/me/campaigns/" + manual.campaignId + "/next"), 409, "NOTHING_ELIGIBLE");
    }

    @Test
    void anAgentOnlyWorksTheirOwnCampaigns() {
        TestBusiness.Person stranger = business.agent("stranger");
        stranger.client().post("/api/v1/me/campaigns/" + manual.campaignId + "/open").expect(404);
        assertThat(stranger.client().get("/api/v1/me/campaigns").expect(200).json()).isEmpty();
        assertThat(agent.client().get("/api/v1/me/campaigns").expect(200).json().get(0).get("open").asBoolean()).isTrue();
        business.admin().post("/api/v1/me/campaigns/" + manual.campaignId + "/next").expect(403);
    }

    @Test
    void noCustomerIsHandedOutsideWorkingHours() {
        DialingScenario closed = manual.another("MANUAL", Map.of(), DialingScenario.closedToday());
        closed.add("+84912390003");
        closed.ready(agent);
        assertProblem(agent.client().post("/api/v1/me/campaigns/" + closed.campaignId + "/next"), 409,
                "OUTSIDE_WORKING_HOURS");
        assertThat(closed.calls()).isEmpty();
    }
}
