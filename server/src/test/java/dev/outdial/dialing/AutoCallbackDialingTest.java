package dev.outdial.dialing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7's checks of auto callback on the simulated carrier, through the API: inbound callers in a
 * queue, the trigger that adds a caller who asked for a callback, and the campaign that rings the
 * agent before the customer. Numbers ending in 0003 answer, 0002 never do.
 */
@OutdialIntegrationTest
@ShortSimulatedCalls
class AutoCallbackDialingTest {

    @Autowired
    Api api;

    private static long queue(TestBusiness business, int minSeconds, int maxWaitSeconds) {
        return business.admin().post("/api/v1/queues", Map.of("name", "Hotline queue " + System.nanoTime(),
                "callbackKey", "1", "minSecondsBeforeCallback", minSeconds, "maxWaitSeconds", maxWaitSeconds,
                "ticketsForMissedCalls", true)).expect(201).id();
    }

    private static String inboundCall(TestBusiness business, long queueId, String caller, List<Map<String, Object>> keys) {
        return business.admin().post("/api/v1/sim/inbound-calls", Map.of("queueId", queueId, "callerNumber", caller,
                "keys", keys)).expect(201).json().get("id").asString();
    }

    private static Map<String, Object> key(int afterSeconds, String key) {
        return Map.of("afterSeconds", afterSeconds, "key", key);
    }

    private static JsonNode queueCall(TestBusiness business, long queueId, String callId) {
        for (JsonNode call : business.admin().get("/api/v1/queues/" + queueId + "/calls").expect(200).json()) {
            if (call.get("id").asString().equals(callId)) {
                return call;
            }
        }
        throw new AssertionError("call " + callId + " is not in queue " + queueId);
    }

    private static JsonNode waitForQueueCall(TestBusiness business, long queueId, String callId, String state) {
        return DialingScenario.waitFor(() -> queueCall(business, queueId, callId),
                call -> call.get("state").asString().equals(state), "inbound call " + callId + " to be " + state);
    }

    private static List<String> verdicts(JsonNode call) {
        List<String> verdicts = new ArrayList<>();
        call.get("keys").forEach(key -> verdicts.add(key.get("verdict").asString()));
        return verdicts;
    }

    private static List<JsonNode> tickets(TestBusiness business, String channel) {
        List<JsonNode> found = new ArrayList<>();
        business.admin().get("/api/v1/tickets?channel=" + channel).expect(200).json().get("items").forEach(found::add);
        return found;
    }

    @Test
    void anInvalidKeyLeavesTheCallerInTheQueueAndTheCallbackKeyBeforeTheMinimumTimeIsIgnored() {
        TestBusiness business = api.newBusiness("QueueKeys");
        long queue = queue(business, 2, 3);

        String call = inboundCall(business, queue, "0912 500 001", List.of(key(0, "5"), key(1, "1")));

        DialingScenario.waitFor(() -> queueCall(business, queue, call), seen -> seen.get("keys").size() == 2,
                "both keys of call " + call);
        JsonNode waiting = queueCall(business, queue, call);
        assertThat(waiting.get("state").asString()).isEqualTo("WAITING");
        assertThat(verdicts(waiting)).containsExactly("STAYS_IN_QUEUE", "TOO_EARLY");
        JsonNode ended = waitForQueueCall(business, queue, call, "ENDED");
        assertThat(ended.get("result").asString()).as("nobody took it within the maximum wait")
                .isEqualTo("MISSED_WAIT_EXCEEDED");
        assertThat(ended.get("howEnded").asString()).isEqualTo("PLATFORM_HUNG_UP");
        // The ticket is opened just after the queue call is stored ended: awaited, as the third callback ticket is.
        List<JsonNode> missed = DialingScenario.waitFor(() -> tickets(business, "MISSED_CALL"),
                found -> !found.isEmpty(), "the missed call's ticket of call " + call);
        assertThat(missed).singleElement()
                .satisfies(ticket -> assertThat(ticket.get("phone").asString()).isEqualTo("+84912500001"));
        assertThat(tickets(business, "CALLBACK")).isEmpty();
    }

    @Test
    void theCallbackKeyInTheWindowOpensACallbackTicketAndTheTriggerAddsTheCallerOnceAfterThreeRequests() {
        DialingScenario callback = DialingScenario.running(api.newBusiness("CallbackRequests"), "AUTO_CALLBACK",
                Map.of("wrapUpSeconds", 0));
        TestBusiness business = callback.business;
        business.admin().post("/api/v1/triggers", Map.of("name", "Callback requests", "match", "ALL",
                "conditions", List.of(Map.of("field", "EVENT", "operator", "IS", "value", "TICKET_CREATED"),
                        Map.of("field", "CHANNEL", "operator", "IS", "value", "CALLBACK")),
                "actions", List.of(Map.of("type", "ADD_CUSTOMER_TO_CAMPAIGN", "campaignId", callback.campaignId))))
                .expect(201);
        long queue = queue(business, 1, 30);

        for (String typed : List.of("0912 500 002", "+84 912 500 002", "0912.500.002")) {
            String call = inboundCall(business, queue, typed, List.of(key(2, "1")));
            JsonNode ended = waitForQueueCall(business, queue, call, "ENDED");
            assertThat(ended.get("result").asString()).isEqualTo("CALLBACK_REQUESTED");
            assertThat(verdicts(ended)).containsExactly("CALLBACK_REQUESTED");
        }

        // The queue call is stored ended, then its callback ticket opened: the third may follow its call's end.
        List<JsonNode> requested = DialingScenario.waitFor(() -> tickets(business, "CALLBACK"), found -> found.size() >= 3,
                "the three callback tickets");
        assertThat(requested).hasSize(3).allSatisfy(ticket -> {
            assertThat(ticket.get("phone").asString()).isEqualTo("+84912500002");
            assertThat(ticket.get("queueId").asLong()).isEqualTo(queue);
        });
        JsonNode customers = business.admin().get("/api/v1/campaigns/" + callback.campaignId + "/customers")
                .expect(200).json().get("items");
        assertThat(customers).singleElement()
                .satisfies(customer -> assertThat(customer.get("phones").get(0).asString()).isEqualTo("+84912500002"));
    }

    @Test
    void theAgentIsCalledBeforeTheCustomer() {
        DialingScenario callback = DialingScenario.running(api.newBusiness("AgentFirst"), "AUTO_CALLBACK",
                Map.of("wrapUpSeconds", 0));
        TestBusiness.Person agent = callback.fixtures.agent;
        long customer = callback.add("+84919500003").getFirst();

        try (AgentEventsReader events = new AgentEventsReader(api.baseUrl(), agent.email(), "person-password")) {
            events.awaitConnected();
            callback.ready(agent);
            events.await("call-ringing");
            // The round that rang the agent would have placed the customer's call too, had it been wrong.
            callback.engineCaughtUp();
            assertThat(callback.calls()).as("no call to the customer while the agent's phone rings").isEmpty();

            Instant agentAnswers = Instant.now();
            agent.client().post("/api/v1/me/phone/answer").expect(204);
            events.await("call-answered");

            JsonNode call = callback.callsOf(customer).getFirst();
            assertThat(Instant.parse(call.get("dialingAt").asString())).isAfterOrEqualTo(agentAnswers);
            assertThat(call.get("agentId").asLong()).isEqualTo(agent.id());
            assertThat(events.events()).containsSubsequence("call-ringing", "call-placed", "call-answered");
            JsonNode ended = callback.waitForCallEnd(agent.client(), call.get("id").asString());
            assertThat(ended.get("result").asString()).isEqualTo("SUCCESS");
            callback.dispose(agent, call.get("id").asString(), "DONE", Map.of());
        }
        // That an auto-callback campaign with nobody left never pauses itself is ListExhaustedTest's.
    }

    @Test
    void anAgentWithTheScreenClosedGetsQueueCallsButNoCallbackCalls() {
        DialingScenario callback = DialingScenario.running(api.newBusiness("ScreenClosed"), "AUTO_CALLBACK",
                Map.of("wrapUpSeconds", 0));
        TestBusiness business = callback.business;
        TestBusiness.Person agent = callback.fixtures.agent;
        long customer = callback.add("+84919510003").getFirst();
        agent.client().put("/api/v1/me/state", Map.of("state", "AVAILABLE")).expect(200);
        long queue = queue(business, 1, 30);
        String queueName = business.admin().get("/api/v1/queues/" + queue).expect(200).json().get("name").asString();

        try (AgentEventsReader events = new AgentEventsReader(api.baseUrl(), agent.email(), "person-password")) {
            events.awaitConnected();
            String call = inboundCall(business, queue, "0912500003", List.of());

            JsonNode ringing = waitForQueueCall(business, queue, call, "AGENT_RINGING");
            assertThat(ringing.get("agentId").asLong()).isEqualTo(agent.id());
            agent.client().post("/api/v1/me/phone/answer").expect(204);
            waitForQueueCall(business, queue, call, "TALKING");
            agent.client().post("/api/v1/me/phone/hangup").expect(204);
            JsonNode ended = waitForQueueCall(business, queue, call, "ENDED");
            assertThat(ended.get("result").asString()).isEqualTo("ANSWERED");
            assertThat(ended.get("howEnded").asString()).isEqualTo("AGENT_HUNG_UP");

            // The agent's screen is told who calls, into which queue, from the ring to the end.
            List<JsonNode> told = DialingScenario.waitFor(() -> events.all("queue-call"),
                    seen -> !seen.isEmpty() && seen.getLast().get("state").asString().equals("ENDED"), "the queue call's end");
            assertThat(told).extracting(seen -> seen.get("state").asString())
                    .containsSubsequence("AGENT_RINGING", "TALKING", "ENDED");
            assertThat(told).allSatisfy(seen -> {
                assertThat(seen.get("callId").asString()).isEqualTo(call);
                assertThat(seen.get("callerNumber").asString()).isEqualTo("+84912500003");
                assertThat(seen.get("queue").asString()).isEqualTo(queueName);
                assertThat(seen.get("queueId").asLong()).isEqualTo(queue);
            });
        }

        // The round the queue call's end woke found no agent with the campaign's screen open.
        callback.awaitNotDialingBecause("NO_AGENTS_AVAILABLE");
        assertThat(callback.calls()).as("callback calls with the screen closed").isEmpty();
        assertThat(callback.customer(customer).get("status").asString()).isEqualTo("NEW");
        agent.client().post("/api/v1/me/phone/answer").expect(409);
    }

    @Test
    void aSimulatedInboundCallIsCheckedFieldByField() {
        TestBusiness business = api.newBusiness("SimChecks");
        Map<String, Object> body = new HashMap<>();
        body.put("queueId", 999_999);
        body.put("callerNumber", "12");
        body.put("keys", List.of(key(1, "A"), key(-1, "1")));
        body.put("hangUpAfterSeconds", 99_999);

        Api.Response refused = business.admin().post("/api/v1/sim/inbound-calls", body).expect(400);

        List<String> fields = new ArrayList<>();
        refused.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("queueId", "callerNumber", "keys[0].key", "keys[1].afterSeconds",
                "hangUpAfterSeconds");
        business.agent("sim-agent").client().post("/api/v1/sim/inbound-calls",
                Map.of("queueId", queue(business, 1, 30), "callerNumber", "0912500004")).expect(403);
    }
}
