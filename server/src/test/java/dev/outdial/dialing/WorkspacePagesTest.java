package dev.outdial.dialing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The workspace is the agents' page, and an agent works only the campaigns assigned to them. */
@OutdialIntegrationTest
@AutoConfigureMockMvc
class WorkspacePagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Api api;

    TestBusiness business;
    DialingScenario manual;

    @BeforeEach
    void aRunningManualCampaign() {
        business = api.newBusiness("workspace-pages");
        manual = DialingScenario.running(business, "MANUAL", Map.of());
    }

    @Test
    void adminsAndSupervisorsCannotOpenTheWorkspace() throws Exception {
        MockHttpSession admin = signIn("admin@" + business.domain(), "admin-password");
        MockHttpSession supervisor = signIn(business.person("SUPERVISOR", "lead").email(), "person-password");

        for (MockHttpSession session : new MockHttpSession[] {admin, supervisor}) {
            mvc.perform(get("/workspace").session(session)).andExpect(status().isForbidden());
            mvc.perform(post("/workspace/campaigns/" + manual.campaignId + "/open").session(session).with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/workspace/events").session(session)).andExpect(status().isForbidden());
        }
    }

    @Test
    void anAgentSeesTheirCampaignsAndRunsThem() throws Exception {
        MockHttpSession agent = signIn(manual.fixtures.agent.email(), "person-password");

        mvc.perform(get("/workspace").session(agent)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-campaign=\"" + manual.campaignId + "\"")));
        mvc.perform(post("/workspace/campaigns/" + manual.campaignId + "/open").session(agent))
                .andExpect(status().isForbidden());
        mvc.perform(post("/workspace/campaigns/" + manual.campaignId + "/open").session(agent).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"get-customer\"")));
    }

    @Test
    void theWorkspaceRefusesCampaignsNotAssignedToTheAgent() throws Exception {
        long customer = manual.add("+84912600003").getFirst();
        MockHttpSession stranger = signIn(business.agent("stranger").email(), "person-password");
        String campaign = "/workspace/campaigns/" + manual.campaignId;

        mvc.perform(get("/workspace").session(stranger)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("data-campaign=\"" + manual.campaignId + "\""))));
        mvc.perform(post(campaign + "/open").session(stranger).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post(campaign + "/close").session(stranger).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post(campaign + "/next").session(stranger).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post(campaign + "/skip").session(stranger).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get(campaign + "/customers/" + customer).session(stranger)).andExpect(status().isNotFound());
        mvc.perform(post("/workspace/customers/" + customer + "/dial").session(stranger).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void anAgentDoesNotSeeACustomerNotDistributedToThem() throws Exception {
        long customer = manual.add("+84912610003").getFirst();
        MockHttpSession agent = signIn(manual.fixtures.agent.email(), "person-password");

        mvc.perform(get("/workspace/campaigns/" + manual.campaignId + "/customers/" + customer).session(agent))
                .andExpect(status().isNotFound());
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        var result = mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(status().is3xxRedirection()).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
