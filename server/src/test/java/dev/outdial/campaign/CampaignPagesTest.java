package dev.outdial.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.outdial.engine.customer.DialType;
import dev.outdial.testing.Api;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The campaign pages give each role only its buttons, and refuse the others' actions. */
@OutdialIntegrationTest
@AutoConfigureMockMvc
class CampaignPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Api api;

    TestBusiness business;
    CampaignFixtures fixtures;
    long campaign;

    @BeforeEach
    void aCampaign() {
        business = api.newBusiness("campaign-pages");
        fixtures = new CampaignFixtures(business);
        campaign = fixtures.create("Pages", "PROGRESSIVE");
    }

    @Test
    void aSupervisorSeesTheCampaignButCannotApproveItEvenByHand() throws Exception {
        TestBusiness.Person supervisor = business.person("SUPERVISOR", "lead");
        MockHttpSession session = signIn(supervisor.email(), "person-password");

        mvc.perform(get("/campaigns/" + campaign).session(session)).andExpect(status().isOk());
        mvc.perform(get("/campaigns/new").session(session)).andExpect(status().isForbidden());
        mvc.perform(post("/campaigns/" + campaign + "/actions/approve").session(session).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void anUnknownActionIsNotFound() throws Exception {
        MockHttpSession session = signIn("admin@" + business.domain(), "admin-password");

        mvc.perform(post("/campaigns/" + campaign + "/actions/explode").session(session).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/campaigns/" + campaign + "/actions/approve").session(session).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void anAgentCannotOpenTheCampaignPages() throws Exception {
        MockHttpSession session = signIn(business.agent("caller").email(), "person-password");

        mvc.perform(get("/campaigns").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/campaigns/" + campaign).session(session)).andExpect(status().isForbidden());
    }

    @Test
    void theEditFormCarriesTheCampaignsAudioSettingsSoSavingItKeepsThem() throws Exception {
        long music = fixtures.waitingMusicId();
        Map<String, Object> body = fixtures.fullBody("Audio kept", "PREDICTIVE");
        body.put("voicemailMessageId", music);
        long predictive = business.admin().post("/api/v1/campaigns", body).expect(201).id();
        MockHttpSession session = signIn("admin@" + business.domain(), "admin-password");

        String form = mvc.perform(get("/campaigns/" + predictive + "/edit").session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        for (String select : List.of("waitingMusicId", "voicemailMessageId")) {
            assertThat(form).as(select).containsPattern("(?s)name=\"" + select + "\".*?<option value=\"" + music
                    + "\" selected=\"selected\"");
        }
        assertThat(form).containsPattern("name=\"answeringMachineDetection\" value=\"true\" checked=\"checked\"");

        String details = mvc.perform(get("/campaigns/" + predictive).session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(details).containsPattern("(?s)Waiting music</dt>\\s*<dd><span>Hold music</span>")
                .containsPattern("(?s)Message left on answering machines</dt>\\s*<dd><span>Hold music</span>");
    }

    @Test
    void anAutocallCampaignsFormOffersTheBusinesssIvrsWithItsOwnChosen() throws Exception {
        long autocall = fixtures.create("Reminders", "AUTOCALL");
        MockHttpSession session = signIn("admin@" + business.domain(), "admin-password");

        String form = mvc.perform(get("/campaigns/" + autocall + "/edit").session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String details = mvc.perform(get("/campaigns/" + autocall).session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(form).containsPattern("(?s)name=\"ivrId\".*?<option value=\"" + fixtures.ivrId
                + "\" selected=\"selected\"");
        assertThat(details).containsPattern("(?s)IVR</dt>\\s*<dd><span>Payment reminder</span>");
    }

    /** Whatever the form leaves out, a save from the page drops: every setting the dial type takes has its field. */
    @ParameterizedTest
    @EnumSource(DialType.class)
    void theEditFormHasAFieldForEverySettingTheDialTypeTakes(DialType mode) throws Exception {
        long group = business.admin().post("/api/v1/agent-groups", Map.of("name", "Group for " + mode,
                "agentIds", List.of(fixtures.agent.id()))).expect(201).id();
        Map<String, Object> body = fixtures.fullBody("Every field " + mode, mode.name());
        body.put("agentGroupIds", List.of(group)); // a list the form shows only where the business has groups
        long id = business.admin().post("/api/v1/campaigns", body).expect(201).id();
        MockHttpSession session = signIn("admin@" + business.domain(), "admin-password");

        String form = mvc.perform(get("/campaigns/" + id + "/edit").session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        for (RecordComponent component : CampaignDefinition.class.getRecordComponents()) {
            String field = component.getName();
            boolean applies = Arrays.stream(CampaignSetting.values()).filter(setting -> setting.field().equals(field))
                    .allMatch(setting -> setting.appliesTo(mode));
            if (applies && !field.equals("dialMode")) { // the dial type is the campaign's own, not edited
                assertThat(form).as("%s's field %s", mode, field).containsPattern("name=\"" + field + "(\\[[^\"]*])?\"");
            }
        }
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        var result = mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(status().is3xxRedirection()).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
