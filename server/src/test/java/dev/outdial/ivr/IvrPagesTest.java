package dev.outdial.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** Settings → IVRs: the editor and the tree it shows, for admins only. */
@OutdialIntegrationTest
@AutoConfigureMockMvc
class IvrPagesTest {

    private static final String BROKEN_TREE = """
            {"root": "n1", "nodes": [{"id": "n1", "type": "COLLECT", "prompt": "Press 1",
              "timeoutSeconds": 5, "retries": 1, "keys": {"1": {"action": "GOTO", "target": "n7"}}}]}
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    Api api;

    TestBusiness business;
    MockHttpSession admin;

    @BeforeEach
    void anAdminSignedIn() throws Exception {
        business = api.newBusiness("ivr-pages");
        admin = signIn("admin@" + business.domain(), "admin-password");
    }

    @Test
    void anIvrIsShownAsATreeWithItsTargetsAsLinks() throws Exception {
        long id = business.admin().post("/api/v1/ivrs", IvrSamples.survey("Survey")).expect(201).id();

        String page = page("/settings/ivrs?id=" + id, "en");

        assertThat(page).contains("Survey", "id=\"node-n3\"", "href=\"#node-n3\"", "connect an agent", "INTERESTED",
                "&quot;root&quot; : &quot;n1&quot;");
        assertThat(page("/settings/ivrs?id=" + id, "vi")).contains("nối máy tới điện thoại viên", "Sơ đồ cây");
    }

    @Test
    void aBrokenTreeIsShownAgainWithTheErrorsPath() throws Exception {
        String page = mvc.perform(post("/settings/ivrs").session(admin).with(csrf()).param("name", "Broken")
                        .param("tree", BROKEN_TREE))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("nodes[0].keys.1.target", "n7", "Press 1");
        assertThat(business.admin().get("/api/v1/ivrs").expect(200).json()).isEmpty();
    }

    @Test
    void aValidTreeIsSavedAndAgentsCannotOpenThePage() throws Exception {
        String tree = business.admin().post("/api/v1/ivrs", IvrSamples.survey("Template")).expect(201).json()
                .toString().replace("\"name\":\"Template\",", "").replaceFirst("\"id\":\\d+,", "");

        mvc.perform(post("/settings/ivrs").session(admin).with(csrf()).param("name", "From the page").param("tree", tree))
                .andExpect(status().is3xxRedirection());

        JsonNode saved = business.admin().get("/api/v1/ivrs").expect(200).json();
        assertThat(saved.findValuesAsString("name")).contains("From the page");
        MockHttpSession agent = signIn(business.agent("ivr-agent").email(), "person-password");
        mvc.perform(get("/settings/ivrs").session(agent)).andExpect(status().isForbidden());
    }

    private String page(String path, String language) throws Exception {
        return mvc.perform(get(path).param("lang", language).session(admin)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        var result = mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(status().is3xxRedirection()).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
