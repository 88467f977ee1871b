package dev.outdial.dialing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.dialing.internal.AgentEventStream;
import dev.outdial.dialing.internal.AgentEventStreamTest;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * An agent in a progressive campaign: "when an agent is available and out of wrap-up, the system
 * dials one customer for them and connects the customer on answer"; the agent picks up their
 * ringing leg through the API.
 */
@OutdialIntegrationTest
@ShortSimulatedCalls
class ProgressiveAgentTest {


    @Autowired
    Api api;

    @Autowired
    AgentEventStream events;

    @Test
    void theAgentAnswersTheirRingingLegAndTheCallConnectsAndEndsSuccessfully() {
        DialingScenario progressive = DialingScenario.running(api.newBusiness("Answer"), "PROGRESSIVE",
                Map.of("wrapUpSeconds", 0));
        TestBusiness.Person agent = progressive.fixtures.agent;
        long customer = progressive.add("+84919010003").getFirst();
        progressive.ready(agent);

        String call = progressive.answerWhenRinging(agent);

        JsonNode ended = progressive.waitForCallEnd(agent.client(), call);
        assertThat(ended.get("result").asString()).isEqualTo("SUCCESS");
        assertThat(ended.get("connectedAt")).isNotNull();
        assertThat(ended.get("connectLatencyMillis").asLong()).as("from the customer's answer to the agent on the line")
                .isEqualTo(Duration.between(Instant.parse(ended.get("answeredAt").asString()),
                        Instant.parse(ended.get("connectedAt").asString())).toMillis());
        assertThat(ended.get("agentId").asLong()).isEqualTo(agent.id());
        progressive.dispose(agent, call, "DONE", Map.of());
        assertThat(progressive.customer(customer).get("status").asString()).isEqualTo("SUCCESS");
        assertThat(progressive.customer(customer).get("accountManagerId").asLong()).isEqualTo(agent.id());
    }

    @Test
    void anAgentWhoEndsWrapUpEarlyIsGivenTheNextCustomerAtOnce() {
        DialingScenario progressive = DialingScenario.running(api.newBusiness("WrapUp"), "PROGRESSIVE",
                Map.of("wrapUpSeconds", 600));
        TestBusiness.Person agent = progressive.fixtures.agent;
        List<Long> customers = progressive.add("+84919020003", "+84919030003");
        progressive.ready(agent);
        String first = progressive.answerWhenRinging(agent);
        progressive.waitForCallEnd(agent.client(), first);
        progressive.dispose(agent, first, "DONE", Map.of());

        // The round the disposition woke found its only agent in wrap-up.
        progressive.awaitNotDialingBecause("NO_AGENTS_AVAILABLE");
        assertThat(progressive.callsOf(customers.get(1))).as("calls during wrap-up").isEmpty();

        agent.client().post("/api/v1/me/wrap-up/end").expect(204);

        // The dial is what this test is about; whether the agent then picks up within the customer's
        // 1.5 s of patience is the first test's, and racing it here would fail on a stalled machine.
        JsonNode second = DialingScenario.waitFor(() -> progressive.callsOf(customers.get(1)), calls -> !calls.isEmpty(),
                "a call to the next customer once wrap-up ended").getFirst();
        assertThat(second.get("agentId").asLong()).as("the call is dialed for the agent").isEqualTo(agent.id());
    }

    @Test
    void theRingingEventNamesTheCallTheAnswerEndpointTakes() {
        DialingScenario progressive = DialingScenario.running(api.newBusiness("ringing-id"), "PROGRESSIVE",
                Map.of("wrapUpSeconds", 0, "maxCallsPerCustomer", 1));
        TestBusiness.Person agent = progressive.fixtures.agent;
        progressive.add("+84919050003");
        try (AgentEventsReader events = new AgentEventsReader(api.baseUrl(), agent.email(), "person-password")) {
            events.awaitConnected();
            progressive.ready(agent);

            String callId = events.data("call-ringing").get("callId").asString();

            assertThat(agent.client().post("/api/v1/calls/" + callId + "/answer").status()).isEqualTo(204);
            assertThat(events.lines()).anyMatch(line -> line.startsWith("id:")).anyMatch(line -> line.startsWith("retry:"));
        }
    }

    @Test
    void anAgentWhoseRingingLegEndedUnansweredIsToldTheCallEndedAndTheirPageStopsShowingItRinging() {
        // The customer waits 1.5 s on their own, well before the agent's leg would time out (30 s).
        DialingScenario progressive = DialingScenario.running(api.newBusiness("Unanswered"), "PROGRESSIVE",
                Map.of("wrapUpSeconds", 0, "maxCallsPerCustomer", 1));
        TestBusiness.Person agent = progressive.fixtures.agent;
        long customer = progressive.add("+84919040003").getFirst();
        try (AgentEventsReader events = new AgentEventsReader(api.baseUrl(), agent.email(), "person-password")) {
            events.awaitConnected();
            progressive.ready(agent);
            events.await("call-ringing");

            events.await("ringing-stopped");
            String call = DialingScenario.waitFor(() -> progressive.callsOf(customer), calls -> !calls.isEmpty(),
                    "the call for " + customer).getFirst().get("id").asString();
            JsonNode ended = progressive.waitForCallEnd(agent.client(), call);
            assertThat(ended.get("result").asString()).isEqualTo("ABANDONED");

            Api.Response answer = agent.client().post("/api/v1/calls/" + call + "/answer");
            DialingScenario.assertProblem(answer, 409, "CALL_ENDED");
            assertThat(answer.json().get("result").asString()).isEqualTo("ABANDONED");
            assertThat(events.events()).containsSubsequence("call-placed", "call-ringing", "ringing-stopped", "call-ended");
        }
    }

    @Test
    void anAgentWhosePageNeverReadsItsEventsDoesNotStopAnotherAgentsCalls() {
        DialingScenario progressive = DialingScenario.running(api.newBusiness("StuckPage"), "PROGRESSIVE",
                Map.of("wrapUpSeconds", 0, "maxCallsPerCustomer", 1));
        TestBusiness.Person stuck = progressive.fixtures.agent;
        TestBusiness.Person other = progressive.fixtures.secondAgent;
        AgentEventStreamTest.StuckPage page = new AgentEventStreamTest.StuckPage();
        events.subscribe(AgentId.of(String.valueOf(stuck.id())), page);
        progressive.add("+84919050003", "+84919060003", "+84919070003");
        try {
            progressive.ready(stuck);
            progressive.ready(other);

            String call = progressive.answerWhenRinging(other);

            assertThat(progressive.waitForCallEnd(other.client(), call).get("result").asString()).isEqualTo("SUCCESS");
            assertThat(progressive.calls()).as("calls for both agents")
                    .anySatisfy(placed -> assertThat(placed.get("agentId").asLong()).isEqualTo(stuck.id()));
        } finally {
            page.letGo.countDown();
        }
    }
}
