package dev.outdial.dialing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18's load benchmark seats bots through {@code POST /api/v1/sim/agents}: they take the
 * calls of a running progressive campaign as its agents and classify each reached call; a request
 * naming no campaign, another business's agent or a negative wrap-up is refused with each field
 * named. The calls also show in the store's latency timers the benchmark reads.
 */
@OutdialIntegrationTest
@ShortSimulatedCalls
class SimulatedAgentsTest {

    @Autowired
    Api api;

    @Test
    void seatedBotsTakeAProgressiveCampaignsCallsAndClassifyThem() {
        TestBusiness business = api.newBusiness("seatedbots");
        DialingScenario progressive = DialingScenario.running(business, "PROGRESSIVE",
                DialingScenario.ONE_CALL_NO_GAP);
        long one = progressive.fixtures.agent.id();
        long two = progressive.fixtures.secondAgent.id();
        List<Long> customers = progressive.add("+84913610003", "+84913620003", "+84913630003", "+84913640002");

        JsonNode seated = business.admin().post("/api/v1/sim/agents",
                Map.of("campaignId", progressive.campaignId, "agentIds", List.of(one, two), "wrapUpSeconds", 0))
                .expect(200).json();

        assertThat(seated.get("seated").asInt()).isEqualTo(2);
        customers.subList(0, 3).forEach(customer -> progressive.waitForStatus(customer, "SUCCESS"));
        progressive.waitForStatus(customers.get(3), "MAX_ATTEMPTS");
        long reached = progressive.reachedClassification();
        List<JsonNode> answered = progressive.calls().stream().filter(call -> call.get("connectedAt") != null
                && !call.get("connectedAt").isNull()).toList();
        assertThat(answered).hasSize(3).allSatisfy(call -> {
            assertThat(Set.of(one, two)).contains(call.get("agentId").asLong());
            assertThat(call.get("classification").asLong()).isEqualTo(reached);
        });
        String scrape = api.operator().withHeader("Accept", "text/plain").get("/actuator/prometheus").expect(200).body();
        assertThat(count(scrape, "outdial_customers_claim_seconds_count")).as("claims timed").isGreaterThanOrEqualTo(4);
        assertThat(count(scrape, "outdial_customers_record_seconds_count")).as("outcomes timed").isGreaterThanOrEqualTo(4);
        assertThat(count(scrape, "outdial_calls_end_write_seconds_count")).as("call ends timed").isGreaterThanOrEqualTo(4);
        assertThat(scrape).contains("outdial_customers_claim_seconds_bucket{le=\"0.005\"}");
    }

    @Test
    void aSeatingNamingNoCampaignAnotherBusinesssAgentOrANegativeWrapUpIsRefused() {
        TestBusiness business = api.newBusiness("badseating");
        TestBusiness.Person stranger = api.newBusiness("otherseating").agent("stranger");
        TestBusiness.Person own = business.agent("own");
        Map<String, Object> body = new HashMap<>();
        body.put("agentIds", List.of(own.id(), stranger.id()));
        body.put("wrapUpSeconds", -1);

        Api.Response refused = business.admin().post("/api/v1/sim/agents", body).expect(400);

        List<String> fields = new ArrayList<>();
        refused.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("campaignId", "agentIds[1]", "wrapUpSeconds");
        own.client().post("/api/v1/sim/agents", body).expect(403);
    }

    /** The sum of a series' samples over its tags. */
    private static double count(String scrape, String series) {
        Matcher sample = Pattern.compile("(?m)^" + series + "(?:\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(scrape);
        double total = 0;
        while (sample.find()) {
            total += Double.parseDouble(sample.group(1));
        }
        return total;
    }
}
