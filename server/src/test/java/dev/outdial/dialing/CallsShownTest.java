package dev.outdial.dialing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.PageSessions;
import dev.outdial.testing.TestBusiness;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A reached customer's cycle closes, so its count of attempts is back to 0: the pages show the
 * calls made to the customer in all, with the cycle's count beside it.
 */
@OutdialIntegrationTest
@AutoConfigureMockMvc
@ShortSimulatedCalls
class CallsShownTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Api api;

    @Test
    void aReachedCustomerShowsOneCallAndAClosedCycleOnTheListAndTheCampaignsTab() throws Exception {
        DialingScenario campaign = DialingScenario.running(api.newBusiness("CallsShown"), "MANUAL", Map.of());
        TestBusiness.Person agent = campaign.fixtures.agent;
        long customer = campaign.add("+84915100003").getFirst();
        campaign.ready(agent);
        Api.Client me = agent.client();
        me.post("/api/v1/me/campaigns/" + campaign.campaignId + "/next").expect(200);
        String call = me.post("/api/v1/me/customers/" + customer + "/dial").expect(201).json().get("id").asString();
        campaign.waitForCallEnd(me, call);
        me.post("/api/v1/calls/" + call + "/disposition",
                Map.of("classification", campaign.reachedClassification(), "next", "DONE")).expect(200);

        MockHttpSession admin = signIn("admin@" + campaign.business.domain(), "admin-password");
        String list = page("/customers?campaignId=" + campaign.campaignId, admin);
        String tab = page("/campaigns/" + campaign.campaignId + "/customers-tab", admin);

        for (String html : new String[] {list, tab}) {
            assertThat(html).containsPattern("<span class=\"total\">1</span><span class=\"muted\"> \\(cycle 0/\\d+\\)</span>");
        }
    }

    private String page(String path, MockHttpSession session) throws Exception {
        return PageSessions.html(mvc, path, session);
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        return PageSessions.signIn(mvc, username, password);
    }
}
