package dev.outdial.dialing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.Telephony;
import dev.outdial.engine.sim.SimulatedCarrier;
import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Predictive campaigns live on the simulated carrier, where numbers ending in 0003 answer and stay
 * on the line half a minute and numbers ending in 0002 ring out: answered customers wait with the
 * campaign's music for an agent, who picks up their ringing leg through the API.
 */
@OutdialIntegrationTest
@ShortSimulatedCalls
@CarrierRules("talk-time=30s")
class PredictiveDialingTest {

    private static final Predicate<JsonNode> WAITING = call -> call.get("state").asString().equals("WAITING_FOR_AGENT");

    @Autowired
    Api api;

    @Autowired
    SimulatedCarrier carrier;

    @Test
    void aCustomerNoAgentTakesWithinTheMaximumWaitHearsTheMusicThenIsHungUpAsAbandonedAndRetried() {
        DialingScenario predictive = DialingScenario.running(api.newBusiness("Abandon"), "PREDICTIVE",
                settings(Map.of("maxWaitSeconds", 1, "maxCallsPerCustomer", 2, "retryGapMinutes", 60)));
        long customer = predictive.add("+84914010003").getFirst();
        predictive.ready(predictive.fixtures.agent);

        JsonNode waiting = DialingScenario.waitFor(predictive::calls, calls -> calls.stream().anyMatch(WAITING),
                "the answered customer to wait for an agent").stream().filter(WAITING).findFirst().orElseThrow();
        long music = predictive.fixtures.waitingMusicId();
        assertThat(carrier.playingOn(new CallId(waiting.get("id").asString())))
                .contains(new Telephony.Prompt.AudioFile("/api/v1/audio/" + music + "/content"));

        predictive.waitForStatus(customer, "RETRY");
        JsonNode call = predictive.callsOf(customer).getFirst();
        assertThat(call.get("result").asString()).isEqualTo("ABANDONED");
        assertThat(call.get("connectedAt")).isNull();
        assertThat(Duration.between(Instant.parse(call.get("answeredAt").asString()),
                Instant.parse(call.get("endedAt").asString()))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(predictive.customer(customer).get("attempts").asInt()).isEqualTo(1);
        JsonNode progress = predictive.business.admin().get("/api/v1/campaigns/" + predictive.campaignId + "/progress")
                .expect(200).json();
        assertThat(progress.get("buckets").get("notHandled").get("byResult").get("ABANDONED").asLong()).isEqualTo(1);
    }

    @Test
    void anAgentWhoLetsTheOfferRingOutLosesTheCustomerToTheNextAgent() {
        DialingScenario predictive = DialingScenario.running(api.newBusiness("Offer"), "PREDICTIVE",
                settings(Map.of("maxWaitSeconds", 60, "agentAnswerTimeoutSeconds", 5)));
        long customer = predictive.add("+84914020003").getFirst();
        TestBusiness.Person one = predictive.fixtures.agent;
        TestBusiness.Person two = predictive.fixtures.secondAgent;
        predictive.ready(one);
        predictive.ready(two);

        JsonNode firstOffer = DialingScenario.waitFor(predictive::calls,
                calls -> calls.stream().anyMatch(WAITING.and(call -> call.has("agentId"))),
                "the waiting customer to be offered to an agent").getFirst();
        long offeredFirst = firstOffer.get("agentId").asLong();
        TestBusiness.Person next = offeredFirst == one.id() ? two : one;
        String callId = firstOffer.get("id").asString();

        DialingScenario.waitFor(() -> predictive.callsOf(customer).getFirst(),
                call -> call.has("agentId") && call.get("agentId").asLong() == next.id(),
                "the offer to ring out and go to " + next.email());
        TestBusiness.Person first = next == one ? two : one;
        assertThat(first.client().get("/api/v1/calls/" + callId).status()).as("the call is no longer theirs").isEqualTo(404);
        DialingScenario.waitFor(() -> next.client().post("/api/v1/calls/" + callId + "/answer").status(),
                status -> status == 204, "the leg of call " + callId + " to ring for " + next.email());
        DialingScenario.waitFor(() -> next.client().get("/api/v1/calls/" + callId).expect(200).json(),
                call -> call.get("state").asString().equals("TALKING"), "the call to connect");
        next.client().post("/api/v1/calls/" + callId + "/hangup").expect(204);

        JsonNode ended = predictive.waitForCallEnd(next.client(), callId);
        assertThat(ended.get("result").asString()).isEqualTo("SUCCESS");
        assertThat(ended.get("howEnded").asString()).isEqualTo("AGENT_HUNG_UP");
        assertThat(ended.get("agentId").asLong()).isEqualTo(next.id());
        predictive.dispose(next, callId, "DONE", Map.of());
        assertThat(predictive.customer(customer).get("status").asString()).isEqualTo("SUCCESS");
    }

    @Test
    void placesNoCallWhileNoAgentIsAvailableWithTheCampaignOpen() {
        DialingScenario predictive = DialingScenario.running(api.newBusiness("Nobody"), "PREDICTIVE",
                settings(Map.of("maxCallsPerCustomer", 1)));
        predictive.add("+84914030002", "+84914040002", "+84914050002");
        TestBusiness.Person one = predictive.fixtures.agent;
        TestBusiness.Person two = predictive.fixtures.secondAgent;
        // One is Available with the screen closed, the other has it open but is Not available.
        one.client().put("/api/v1/me/state", Map.of("state", "AVAILABLE")).expect(200);
        two.client().put("/api/v1/me/state", Map.of("state", "NOT_AVAILABLE")).expect(200);
        two.client().post("/api/v1/me/campaigns/" + predictive.campaignId + "/open").expect(204);

        // The round those changes woke found no agent: it placed nothing.
        predictive.awaitNotDialingBecause("NO_AGENTS_AVAILABLE");
        assertThat(predictive.calls()).as("calls with no agent ready").isEmpty();

        predictive.ready(one);
        DialingScenario.waitFor(predictive::calls, calls -> !calls.isEmpty(), "a call once an agent is ready");
    }

    @Test
    void neverHasMoreCallsUpThanTheCampaignsCeiling() {
        DialingScenario predictive = DialingScenario.running(api.newBusiness("Ceiling", 10), "PREDICTIVE",
                settings(Map.of("maxCallsPerCustomer", 1, "maxConcurrentCalls", 2)));
        List<Long> customers = predictive.add(ringingOut(8, "16"));
        predictive.ready(predictive.fixtures.agent);

        customers.forEach(customer -> predictive.waitForStatus(customer, "MAX_ATTEMPTS"));

        assertThat(predictive.calls()).hasSize(customers.size());
        assertThat(mostCallsAtOnce(predictive.calls())).isBetween(1, 2);
    }

    @Test
    void neverHasMoreCallsUpThanTheBusinessesContract() {
        DialingScenario predictive = DialingScenario.running(api.newBusiness("Contract", 1), "PREDICTIVE",
                settings(Map.of("maxCallsPerCustomer", 1, "maxConcurrentCalls", 5)));
        List<Long> customers = predictive.add(ringingOut(5, "17"));
        predictive.ready(predictive.fixtures.agent);

        customers.forEach(customer -> predictive.waitForStatus(customer, "MAX_ATTEMPTS"));

        assertThat(mostCallsAtOnce(predictive.calls())).isEqualTo(1);
    }

    @Test
    void aPreviewCustomerInAPredictiveCampaignIsShownToAnAgentWhoDialsItWithTheCustomerOnTheirLine() {
        DialingScenario predictive = DialingScenario.running(api.newBusiness("OwnPreview"), "PREDICTIVE",
                settings(Map.of("maxWaitSeconds", 1)));
        predictive.business.admin().post("/api/v1/campaigns/" + predictive.campaignId + "/customers", Map.of("customers",
                List.of(Map.of("name", "Previewed", "phone", "+84914060003", "dialingMode", "PREVIEW")))).expect(201);
        long customer = predictive.business.admin().get("/api/v1/campaigns/" + predictive.campaignId + "/customers")
                .expect(200).json().get("items").get(0).get("id").asLong();
        TestBusiness.Person agent = predictive.fixtures.agent;
        predictive.ready(agent);

        predictive.engineCaughtUp();
        assertThat(predictive.calls()).as("the system does not dial a previewed customer by itself at once").isEmpty();
        String callId = DialingScenario.waitFor(
                () -> agent.client().post("/api/v1/me/customers/" + customer + "/dial"), response -> response.status() == 201,
                "the customer to be shown to " + agent.email()).json().get("id").asString();

        JsonNode talking = DialingScenario.waitFor(() -> agent.client().get("/api/v1/calls/" + callId).expect(200).json(),
                call -> call.get("state").asString().equals("TALKING"), "the customer to answer the agent's call");
        assertThat(talking.get("agentId").asLong()).isEqualTo(agent.id());
        assertThat(predictive.calls()).hasSize(1);
    }

    /** The fixture's predictive settings with no wrap-up, then {@code more}. */
    private static Map<String, Object> settings(Map<String, Object> more) {
        Map<String, Object> settings = new HashMap<>(Map.of("wrapUpSeconds", 0, "retryGapMinutes", 0));
        settings.putAll(more);
        return settings;
    }

    private static String[] ringingOut(int count, String prefix) {
        String[] numbers = new String[count];
        for (int i = 0; i < count; i++) {
            numbers[i] = String.format("+849%s%02d0002", prefix, i);
        }
        return numbers;
    }

    /** The most calls whose dialing-to-end intervals overlap; a call starting as another ends does not. */
    private static int mostCallsAtOnce(List<JsonNode> calls) {
        List<long[]> edges = new ArrayList<>();
        for (JsonNode call : calls) {
            edges.add(new long[] {Instant.parse(call.get("dialingAt").asString()).toEpochMilli() * 2 + 1, 1});
            edges.add(new long[] {Instant.parse(call.get("endedAt").asString()).toEpochMilli() * 2, -1});
        }
        edges.sort((a, b) -> Long.compare(a[0], b[0]));
        int open = 0;
        int most = 0;
        for (long[] edge : edges) {
            open += (int) edge[1];
            most = Math.max(most, open);
        }
        return most;
    }
}
