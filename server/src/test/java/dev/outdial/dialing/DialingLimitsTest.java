package dev.outdial.dialing;

import static dev.outdial.dialing.DialingScenario.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Who may not be called, and how many customers an agent may receive: limits no dial crosses (SPEC §5, §7). */
@OutdialIntegrationTest
@ShortSimulatedCalls
class DialingLimitsTest {

    @Autowired
    Api api;

    @Test
    void aNumberAddedToTheDncRegistryAfterImportIsNeverDialed() {
        DialingScenario progressive = DialingScenario.running(api.newBusiness("Dnc"), "PROGRESSIVE",
                DialingScenario.ONE_CALL_NO_GAP);
        List<Long> customers = progressive.add("+84918010002", "+84918020002");
        progressive.business.admin().post("/api/v1/dnc", Map.of("number", "+84918020002")).expect(201);

        progressive.ready(progressive.fixtures.agent);

        progressive.waitForStatus(customers.get(0), "MAX_ATTEMPTS");
        assertThat(progressive.customer(customers.get(1)).get("status").asString()).isEqualTo("DNC");
        assertThat(progressive.callsOf(customers.get(1))).isEmpty();
    }

    @Test
    void aDailyQuotaStopsAnAgentAtTheirNumber() {
        DialingScenario manual = DialingScenario.running(api.newBusiness("Quota"), "MANUAL",
                Map.of("maxCallsPerCustomer", 1, "dailyQuota", 1, "agentQuotas", Map.of()));
        TestBusiness.Person agent = manual.fixtures.agent;
        TestBusiness.Person colleague = manual.fixtures.secondAgent;
        List<Long> customers = manual.add("+84918030002", "+84918040002");
        manual.ready(agent);
        manual.ready(colleague);
        String call = manual.getAndDial(agent, customers.get(0));
        manual.waitForCallEnd(agent.client(), call);
        manual.waitForStatus(customers.get(0), "MAX_ATTEMPTS");

        assertProblem(agent.client().post("/api/v1/me/campaigns/" + manual.campaignId + "/next"), 409,
                "QUOTA_REACHED");
        assertThat(colleague.client().post("/api/v1/me/campaigns/" + manual.campaignId + "/next").expect(200).json()
                .get("id").asLong()).isEqualTo(customers.get(1));
    }
}
