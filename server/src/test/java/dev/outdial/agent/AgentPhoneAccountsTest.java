package dev.outdial.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * Agents' SIP phone accounts under the API (issue 12): admins set, read and remove them; the
 * password is never shown, the user name is unique on the platform without telling whose it is,
 * weak passwords and bad names are refused, and another business's agent does not exist.
 */
@OutdialIntegrationTest
@AutoConfigureMockMvc
class AgentPhoneAccountsTest {

    private static final String GOOD_PASSWORD = "Tr0ub4dor&3horse";

    @Autowired
    Api api;

    @Autowired
    MockMvc mvc;

    @Test
    void theUsersPageSetsShowsAndRemovesAnAgentsPhoneInBothLanguages() throws Exception {
        TestBusiness business = api.newBusiness("PhonePage");
        TestBusiness.Person agent = business.agent("paged");
        MockHttpSession admin = signIn("admin@" + business.domain(), "admin-password");
        String sipName = "paged-" + agent.id();

        String refused = mvc.perform(post("/settings/users/" + agent.id() + "/phone").session(admin).with(csrf())
                .param("sipUsername", sipName).param("sipPassword", "short"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("must be 12 to 128 characters long");
        business.admin().get("/api/v1/users/" + agent.id() + "/phone").expect(404);

        mvc.perform(post("/settings/users/" + agent.id() + "/phone").session(admin).with(csrf())
                .param("sipUsername", sipName).param("sipPassword", GOOD_PASSWORD))
                .andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/settings/users").session(admin))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<code>" + sipName + "</code>", "Not registered").doesNotContain(GOOD_PASSWORD);
        assertThat(mvc.perform(get("/settings/users").param("lang", "vi").session(admin))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Chưa đăng ký");

        mvc.perform(post("/settings/users/" + agent.id() + "/phone/delete").session(admin).with(csrf()))
                .andExpect(status().is3xxRedirection());
        business.admin().get("/api/v1/users/" + agent.id() + "/phone").expect(404);
    }

    @Test
    void anAdminSetsReadsAndRemovesAnAgentsPhoneAccountWithoutThePasswordEverShown() {
        TestBusiness business = api.newBusiness("Phones");
        TestBusiness.Person agent = business.agent("caller");
        String path = "/api/v1/users/" + agent.id() + "/phone";
        business.admin().get(path).expect(404);

        JsonNode saved = business.admin().put(path, Map.of("sipUsername", "caller.7", "sipPassword", GOOD_PASSWORD))
                .expect(200).json();
        assertThat(saved.get("sipUsername").asString()).isEqualTo("caller.7");
        assertThat(saved.get("registered").asBoolean()).as("sim mode has no registrar").isFalse();

        Api.Response read = business.admin().get(path).expect(200);
        assertThat(read.json().get("sipUsername").asString()).isEqualTo("caller.7");
        assertThat(read.body()).doesNotContain(GOOD_PASSWORD).doesNotContain("sipPassword")
                .doesNotContain(AgentPhoneAccounts.ha1("caller.7", "outdial", GOOD_PASSWORD));

        // Setting it again replaces it, name and all.
        business.admin().put(path, Map.of("sipUsername", "caller-8", "sipPassword", "An0ther-g00d-one")).expect(200);
        assertThat(business.admin().get(path).expect(200).json().get("sipUsername").asString()).isEqualTo("caller-8");

        business.admin().delete(path).expect(204);
        business.admin().get(path).expect(404);
        business.admin().delete(path).expect(404);
    }

    @Test
    void badNamesAndWeakPasswordsAreRefusedNamingTheField() {
        TestBusiness business = api.newBusiness("PhoneRules");
        String path = "/api/v1/users/" + business.agent("rules").id() + "/phone";

        assertField(business.admin().put(path, Map.of("sipPassword", GOOD_PASSWORD)), "sipUsername");
        assertField(business.admin().put(path, Map.of("sipUsername", "ab", "sipPassword", GOOD_PASSWORD)), "sipUsername");
        assertField(business.admin().put(path, Map.of("sipUsername", "agent@7", "sipPassword", GOOD_PASSWORD)),
                "sipUsername");
        assertField(business.admin().put(path, Map.of("sipUsername", "agent7")), "sipPassword");
        assertField(business.admin().put(path, Map.of("sipUsername", "agent7", "sipPassword", "Sh0rt-pass")),
                "sipPassword");
        assertField(business.admin().put(path, Map.of("sipUsername", "agent7", "sipPassword", "123456789012")),
                "sipPassword");
        assertField(business.admin().put(path, Map.of("sipUsername", "agent7", "sipPassword", "abababababab")),
                "sipPassword");
        assertField(business.admin().put(path, Map.of("sipUsername", "agent7", "sipPassword", "my-AGENT7-secret")),
                "sipPassword");
        business.admin().get(path).expect(404);
    }

    @Test
    void aSipUserNameIsUniqueOnThePlatformAndTheRefusalDoesNotSayWhoHasIt() {
        TestBusiness first = api.newBusiness("PhoneFirst");
        TestBusiness second = api.newBusiness("PhoneSecond");
        TestBusiness.Person firstAgent = first.agent("owner");
        String name = "shared-" + firstAgent.id();
        first.admin().put("/api/v1/users/" + firstAgent.id() + "/phone",
                Map.of("sipUsername", name, "sipPassword", GOOD_PASSWORD)).expect(200);

        Api.Response taken = second.admin().put("/api/v1/users/" + second.agent("other").id() + "/phone",
                Map.of("sipUsername", name, "sipPassword", GOOD_PASSWORD)).expect(409);
        assertThat(taken.body()).contains(name).doesNotContain(first.name()).doesNotContain(firstAgent.email())
                .doesNotContainIgnoringCase("business");

        // Deleting the agent frees the name.
        first.admin().delete("/api/v1/users/" + firstAgent.id()).expect(204);
        second.admin().put("/api/v1/users/" + second.agent("heir").id() + "/phone",
                Map.of("sipUsername", name, "sipPassword", GOOD_PASSWORD)).expect(200);
    }

    @Test
    void anotherBusinesssAgentDoesNotExistAndOnlyAdminsManagePhones() {
        TestBusiness mine = api.newBusiness("PhoneMine");
        TestBusiness theirs = api.newBusiness("PhoneTheirs");
        TestBusiness.Person theirAgent = theirs.agent("theirs");
        theirs.admin().put("/api/v1/users/" + theirAgent.id() + "/phone",
                Map.of("sipUsername", "theirs-" + theirAgent.id(), "sipPassword", GOOD_PASSWORD)).expect(200);
        String theirPath = "/api/v1/users/" + theirAgent.id() + "/phone";

        mine.admin().get(theirPath).expect(404);
        mine.admin().put(theirPath, Map.of("sipUsername", "stolen-" + theirAgent.id(), "sipPassword", GOOD_PASSWORD))
                .expect(404);
        mine.admin().delete(theirPath).expect(404);
        theirs.admin().get(theirPath).expect(200);

        TestBusiness.Person myAgent = mine.agent("mine");
        String myPath = "/api/v1/users/" + myAgent.id() + "/phone";
        Map<String, String> credentials = Map.of("sipUsername", "mine-" + myAgent.id(), "sipPassword", GOOD_PASSWORD);
        myAgent.client().put(myPath, credentials).expect(403);
        myAgent.client().get(myPath).expect(403);
        mine.person("SUPERVISOR", "lead").client().put(myPath, credentials).expect(403);
        // a supervisor's phone is rung to listen in on calls
        TestBusiness.Person supervisor = mine.person("SUPERVISOR", "boss");
        mine.admin().put("/api/v1/users/" + supervisor.id() + "/phone",
                Map.of("sipUsername", "boss-" + supervisor.id(), "sipPassword", GOOD_PASSWORD)).expect(200);
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(status().is3xxRedirection()).andReturn().getRequest().getSession(false);
    }

    private static void assertField(Api.Response response, String field) {
        response.expect(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).as(response.body()).contains(field);
    }
}
