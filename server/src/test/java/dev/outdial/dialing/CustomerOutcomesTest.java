package dev.outdial.dialing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** What an agent's work leaves on the customer in the list: its account manager and its classification. */
@OutdialIntegrationTest
@ShortSimulatedCalls
class CustomerOutcomesTest {

    @Autowired
    Api api;

    @Test
    void theAgentWhoReceivesACustomerBecomesItsAccountManagerWhenTheCampaignAsks() {
        DialingScenario campaign = DialingScenario.running(api.newBusiness("AutoAssign"), "MANUAL",
                Map.of("autoAssignAccountManager", true));
        TestBusiness.Person agent = campaign.fixtures.agent;
        long customer = campaign.add("+84915010003").getFirst();
        campaign.ready(agent);

        agent.client().post("/api/v1/me/campaigns/" + campaign.campaignId + "/next").expect(200);

        assertThat(campaign.customer(customer).get("accountManagerId").asLong()).isEqualTo(agent.id());
    }

    @Test
    void withoutAutoAssignTheAccountManagerIsLeftAlone() {
        DialingScenario campaign = DialingScenario.running(api.newBusiness("NoAutoAssign"), "MANUAL",
                Map.of("autoAssignAccountManager", false));
        TestBusiness.Person agent = campaign.fixtures.agent;
        long customer = campaign.add("+84915020003").getFirst();
        campaign.ready(agent);

        agent.client().post("/api/v1/me/campaigns/" + campaign.campaignId + "/next").expect(200);

        assertThat(campaign.customer(customer).has("accountManagerId")).isFalse();
    }

    @Test
    void theCustomerListShowsTheClassificationOfTheLastReachedCall() {
        DialingScenario campaign = DialingScenario.running(api.newBusiness("Classified"), "MANUAL", Map.of());
        TestBusiness.Person agent = campaign.fixtures.agent;
        long customer = campaign.add("+84915030003").getFirst();
        campaign.ready(agent);
        Api.Client me = agent.client();
        me.post("/api/v1/me/campaigns/" + campaign.campaignId + "/next").expect(200);
        String call = me.post("/api/v1/me/customers/" + customer + "/dial").expect(201).json().get("id").asString();
        campaign.waitForCallEnd(me, call);

        long reached = campaign.reachedClassification();
        me.post("/api/v1/calls/" + call + "/disposition", Map.of("classification", reached, "next", "DONE"))
                .expect(200);

        JsonNode listed = campaign.business.admin().get("/api/v1/campaigns/" + campaign.campaignId + "/customers")
                .expect(200).json().get("items").get(0);
        assertThat(listed.get("id").asLong()).isEqualTo(customer);
        assertThat(listed.get("classificationId").asLong()).isEqualTo(reached);
    }
}
