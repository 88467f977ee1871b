package dev.outdial.dialing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Progressive campaigns on the simulated carrier, where every number ending in 0002 rings out
 * unanswered: the system dials by itself, so what it must never do shows in the call records.
 */
@OutdialIntegrationTest
@ShortSimulatedCalls
class ProgressiveDialingTest {



    @Autowired
    Api api;

    @Test
    void dialsOnlyForAvailableAgentsAndNeverAboveTheBusinessLimit() {
        TestBusiness business = api.newBusiness("Progressive", 1);
        DialingScenario progressive = DialingScenario.running(business, "PROGRESSIVE", DialingScenario.ONE_CALL_NO_GAP);
        TestBusiness.Person one = progressive.fixtures.agent;
        TestBusiness.Person two = progressive.fixtures.secondAgent;
        List<Long> customers = progressive.add("+84913010002", "+84913020002", "+84913030002", "+84913040002");
        for (TestBusiness.Person agent : List.of(one, two)) {
            agent.client().put("/api/v1/me/state", Map.of("state", "NOT_AVAILABLE")).expect(200);
            agent.client().post("/api/v1/me/campaigns/" + progressive.campaignId + "/open").expect(204);
        }

        progressive.awaitNotDialingBecause("NO_AGENTS_AVAILABLE");
        assertThat(progressive.calls()).as("calls with no agent available").isEmpty();

        one.client().put("/api/v1/me/state", Map.of("state", "AVAILABLE")).expect(200);
        two.client().put("/api/v1/me/state", Map.of("state", "AVAILABLE")).expect(200);
        customers.forEach(customer -> progressive.waitForStatus(customer, "MAX_ATTEMPTS"));

        List<JsonNode> calls = progressive.calls().stream()
                .sorted(Comparator.comparing(call -> Instant.parse(call.get("dialingAt").asString()))).toList();
        assertThat(calls).hasSize(customers.size());
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.get("result").asString()).isEqualTo("NOANSWER");
            assertThat(call.get("agentId").asLong()).isIn(one.id(), two.id());
        });
        // A contract of one line: each call starts only once the one before it has ended.
        for (int i = 1; i < calls.size(); i++) {
            Instant previousEnd = Instant.parse(calls.get(i - 1).get("endedAt").asString());
            assertThat(Instant.parse(calls.get(i).get("dialingAt").asString())).isAfterOrEqualTo(previousEnd);
        }
    }

    @Test
    void aRaisedContractLimitTakesEffectOnTheRunningCampaignWithoutARestart() {
        TestBusiness business = api.newBusiness("Raised", 1);
        DialingScenario progressive = DialingScenario.running(business, "PROGRESSIVE", DialingScenario.ONE_CALL_NO_GAP);
        List<Long> customers = progressive.add("+84913110002", "+84913120002", "+84913130002", "+84913140002",
                "+84913150002", "+84913160002");
        // The campaign's dialer runs with the contract of one line; the operator raises it to two.
        api.operator().put("/api/v1/businesses/" + business.id(), Map.of("concurrentCallLimit", 2)).expect(200);

        progressive.ready(progressive.fixtures.agent);
        progressive.ready(progressive.fixtures.secondAgent);
        customers.forEach(customer -> progressive.waitForStatus(customer, "MAX_ATTEMPTS"));

        List<JsonNode> calls = progressive.calls().stream()
                .sorted(Comparator.comparing(call -> Instant.parse(call.get("dialingAt").asString()))).toList();
        boolean twoAtOnce = false;
        for (int i = 1; i < calls.size(); i++) {
            Instant previousEnd = Instant.parse(calls.get(i - 1).get("endedAt").asString());
            twoAtOnce |= Instant.parse(calls.get(i).get("dialingAt").asString()).isBefore(previousEnd);
        }
        assertThat(twoAtOnce).as("two calls up at once under the raised limit: " + calls).isTrue();
    }

    @Test
    void placesNoCallOutsideWorkingHours() {
        TestBusiness business = api.newBusiness("Closed");
        DialingScenario closed = DialingScenario.running(business, "PROGRESSIVE", DialingScenario.ONE_CALL_NO_GAP,
                DialingScenario.closedToday());
        List<Long> customers = closed.add("+84913050002", "+84913060002");
        closed.ready(closed.fixtures.agent);

        closed.awaitNotDialingBecause("OUTSIDE_WORKING_HOURS");

        assertThat(closed.calls()).isEmpty();
        assertThat(customers).allSatisfy(customer ->
                assertThat(closed.customer(customer).get("status").asString()).isEqualTo("NEW"));
    }
}
