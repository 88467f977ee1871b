package dev.outdial.campaign.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** The admin's settings pages for hotlines, working hours, scripts and call classifications. */
@OutdialIntegrationTest
@AutoConfigureMockMvc
class SettingsPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Api api;

    TestBusiness business;
    MockHttpSession admin;
    MockHttpSession agent;

    @BeforeEach
    void anAdminAndAnAgentSignedIn() throws Exception {
        business = api.newBusiness("settings-pages");
        admin = signIn("admin@" + business.domain(), "admin-password");
        agent = signIn(business.agent("pager").email(), "person-password");
    }

    @Test
    void theHotlinesPageListsTheHotlinesForAnAdminOnly() throws Exception {
        business.admin().post("/api/v1/hotlines", Map.of("number", "028 7300 0001", "name", "HCM", "group", "Demo"))
                .expect(201);

        assertThat(page("/settings/hotlines")).contains("+842873000001", "Demo", "Hotlines");
        mvc.perform(get("/settings/hotlines").session(agent)).andExpect(status().isForbidden());
    }

    @Test
    void theWorkingHoursPageShowsTheWeeklyGridForAnAdminOnly() throws Exception {
        long id = business.admin().post("/api/v1/working-hours", Map.of("name", "Office hours",
                "week", Map.of("MONDAY", List.of(List.of("08:00", "12:00"))))).expect(201).id();

        assertThat(page("/settings/working-hours")).contains("Office hours", "Monday", "Sunday", "name=\"from-MONDAY\"");
        assertThat(page("/settings/working-hours?id=" + id)).contains("value=\"08:00\"", "value=\"12:00\"");
        mvc.perform(get("/settings/working-hours").session(agent)).andExpect(status().isForbidden());
    }

    @Test
    void theScriptsPageShowsTheQuestionEditorForAnAdminOnly() throws Exception {
        assertThat(page("/settings/scripts")).contains("Default script", "name=\"qtext\"", "Single choice");
        mvc.perform(get("/settings/scripts").session(agent)).andExpect(status().isForbidden());
    }

    @Test
    void theCallClassificationsPageListsTheDefaultsForAnAdminOnly() throws Exception {
        assertThat(page("/settings/call-classifications")).contains("No answer", "Call back later", "CALL_BACK_LATER");
        mvc.perform(get("/settings/call-classifications").session(agent)).andExpect(status().isForbidden());
    }

    @Test
    void thePagesSpeakVietnamese() throws Exception {
        String hours = mvc.perform(get("/settings/working-hours").param("lang", "vi").session(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(hours).contains("Giờ làm việc", "Thứ Hai", "Chủ Nhật");
    }

    @Test
    void theWeeklyGridSavesRangesPairedPerDayAndSkipsBlankRows() throws Exception {
        mvc.perform(post("/settings/working-hours").session(admin).with(csrf()).param("name", "Shifts")
                        .param("from-MONDAY", "08:00", "13:00", "").param("to-MONDAY", "12:00", "17:30", "")
                        .param("from-SATURDAY", "08:00").param("to-SATURDAY", "24:00")
                        .param("holidays", "2026-09-02", ""))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/settings/working-hours"));

        JsonNode saved = business.admin().get("/api/v1/working-hours").json().get(0);
        assertThat(saved.get("week").get("MONDAY").size()).isEqualTo(2);
        assertThat(saved.get("week").get("SATURDAY").get(0).get(1).asString()).isEqualTo("24:00");
        assertThat(saved.get("holidays").get(0).asString()).isEqualTo("2026-09-02");
    }

    @Test
    void aRejectedGridComesBackWithTheReasonAndWhatWasTyped() throws Exception {
        String again = mvc.perform(post("/settings/working-hours").session(admin).with(csrf()).param("name", "Clash")
                        .param("from-TUESDAY", "08:00", "11:00").param("to-TUESDAY", "12:00", "13:00"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(again).contains("Tuesday", "overlap", "value=\"11:00\"", "value=\"Clash\"");
    }

    @Test
    void theQuestionEditorSavesQuestionsInPageOrderWithOptionsPerLine() throws Exception {
        mvc.perform(post("/settings/scripts").session(admin).with(csrf()).param("name", "Survey")
                        .param("qid", "", "").param("qtext", "Interested?", "Notes")
                        .param("qtype", "SINGLE_CHOICE", "TEXT").param("qrequired", "true", "false")
                        .param("qoptions", "Yes\r\nNo\r\n", ""))
                .andExpect(status().is3xxRedirection());

        JsonNode survey = business.admin().get("/api/v1/scripts").json().valueStream()
                .filter(script -> script.get("name").asString().equals("Survey")).findFirst().orElseThrow();
        JsonNode first = survey.get("questions").get(0);
        assertThat(first.get("text").asString()).isEqualTo("Interested?");
        assertThat(first.get("required").asBoolean()).isTrue();
        assertThat(first.get("options").valueStream().map(JsonNode::asString).toList()).containsExactly("Yes", "No");
        assertThat(survey.get("questions").get(1).get("options").isEmpty()).isTrue();
    }

    @Test
    void editingTheDefaultScriptOnThePageKeepsItTheDefault() throws Exception {
        long id = business.admin().get("/api/v1/scripts").json().get(0).get("id").asLong();

        // The default's box is shown ticked but disabled, so it is not sent: that must not unset it.
        mvc.perform(post("/settings/scripts/" + id).session(admin).with(csrf()).param("name", "Standard")
                        .param("qid", "notes").param("qtext", "Remarks").param("qtype", "TEXT").param("qrequired", "false")
                        .param("qoptions", ""))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/settings/scripts?id=" + id));

        JsonNode script = business.admin().get("/api/v1/scripts/" + id).json();
        assertThat(script.get("name").asString()).isEqualTo("Standard");
        assertThat(script.get("isDefault").asBoolean()).isTrue();
        assertThat(script.get("questions").get(0).get("id").asString()).isEqualTo("notes");
    }

    @Test
    void htmxAddsEmptyRangeAndQuestionRows() throws Exception {
        assertThat(fragment("/settings/working-hours/range?day=FRIDAY")).contains("name=\"from-FRIDAY\"")
                .doesNotContain("<html");
        assertThat(fragment("/settings/working-hours/holiday")).contains("name=\"holidays\"");
        assertThat(fragment("/settings/scripts/question")).contains("name=\"qtext\"", "Multiple choice");
    }

    @Test
    void aRefusedDeletionIsExplainedOnTheList() throws Exception {
        long defaultScript = business.admin().get("/api/v1/scripts").json().get(0).get("id").asLong();

        var result = mvc.perform(post("/settings/scripts/" + defaultScript + "/delete").session(admin).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();

        assertThat(result.getFlashMap().get("errors").toString()).contains("cannot be deleted");
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).session(admin)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private String fragment(String path) throws Exception {
        return mvc.perform(get(path).session(admin).header("HX-Request", "true")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        var result = mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(status().is3xxRedirection()).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
