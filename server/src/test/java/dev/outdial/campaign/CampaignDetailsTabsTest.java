package dev.outdial.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.outdial.call.CallRecordings;
import dev.outdial.testing.Api;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import dev.outdial.testing.TestRecordings;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * A campaign's details page: the active/passive toggle, the customers tab with its search, and each
 * number's call history (under the API and as a page).
 */
@OutdialIntegrationTest
@AutoConfigureMockMvc
class CampaignDetailsTabsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Api api;
    @Autowired
    JdbcClient db;
    @Autowired
    CallRecordings recordings;

    TestBusiness business;
    CampaignFixtures fixtures;
    long campaign;

    @BeforeEach
    void givenAStartedCampaignWithThreeCustomers() {
        business = api.newBusiness("details-tabs");
        fixtures = new CampaignFixtures(business);
        campaign = fixtures.create("Renewals", "MANUAL");
        business.admin().post("/api/v1/campaigns/" + campaign + "/approve").expect(200);
        business.admin().post("/api/v1/campaigns/" + campaign + "/start").expect(200);
        business.admin().post("/api/v1/campaigns/" + campaign + "/customers", Map.of("customers", List.of(
                Map.of("name", "Nguyen Van An", "phone", "0912 345 678", "externalId", "SAP-1"),
                Map.of("name", "Nguyen Thi Anh", "phone", "+84912000111"),
                Map.of("name", "Tran Binh", "phone", "+84913000222")))).expect(201);
    }

    @Test
    void aSupervisorSwitchesARunningCampaignPassiveAndActiveAgain() throws Exception {
        MockHttpSession session = signIn(business.person("SUPERVISOR", "lead").email(), "person-password");

        String running = page("/campaigns/" + campaign, session);
        assertThat(running).contains("id=\"active-toggle\"", "aria-checked=\"true\"",
                "/campaigns/" + campaign + "/actions/pause").doesNotContain("id=\"action-pause\"");

        mvc.perform(post("/campaigns/" + campaign + "/actions/pause").session(session).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(business.admin().get("/api/v1/campaigns/" + campaign).json().get("status").asString())
                .isEqualTo("PAUSED");
        String paused = page("/campaigns/" + campaign, session);
        assertThat(paused).contains("aria-checked=\"false\"", "/campaigns/" + campaign + "/actions/resume");

        mvc.perform(post("/campaigns/" + campaign + "/actions/resume").session(session).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(business.admin().get("/api/v1/campaigns/" + campaign).json().get("status").asString())
                .isEqualTo("RUNNING");
    }

    @Test
    void aCampaignNeitherRunningNorPausedShowsTheToggleWithoutLettingAnyoneSwitchIt() throws Exception {
        long unapproved = fixtures.create("Draft", "MANUAL");
        MockHttpSession session = signIn("admin@" + business.domain(), "admin-password");

        String draft = page("/campaigns/" + unapproved, session);
        assertThat(draft).contains("id=\"active-toggle\"", "aria-disabled=\"true\"")
                .doesNotContain("id=\"active-toggle-form\"");
    }

    @Test
    void theCustomersTabSearchesWithWildcardsAndLinksEachNumberToItsCalls() throws Exception {
        MockHttpSession session = signIn("admin@" + business.domain(), "admin-password");

        String all = page("/campaigns/" + campaign + "/customers-tab", session);
        assertThat(all).contains("Nguyen Van An", "Nguyen Thi Anh", "Tran Binh", "SAP-1",
                "/campaigns/" + campaign + "/calls?number=%2B84912345678");

        String wildcard = page("/campaigns/" + campaign + "/customers-tab?name=Nguyen*An", session);
        assertThat(wildcard).contains("Nguyen Van An").doesNotContain("Nguyen Thi Anh", "Tran Binh");
        String oneCharacter = mvc.perform(get("/campaigns/" + campaign + "/customers-tab").param("phone", "+8491?000222")
                .session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(oneCharacter).contains("Tran Binh").doesNotContain("Nguyen");

        String vietnamese = mvc.perform(get("/campaigns/" + campaign + "/customers-tab").session(session)
                .locale(Locale.forLanguageTag("vi"))).andReturn().getResponse().getContentAsString();
        assertThat(vietnamese).contains("Khách hàng", "Chưa thực hiện");
    }

    @Test
    void aNumbersCallHistoryHasItsTimesHotlineAgentResultClassificationAndAnswers() throws Exception {
        JsonNode classes = business.admin().get("/api/v1/call-classifications").json();
        long interested = classes.valueStream().filter(c -> c.get("code").asString().equals("INTERESTED"))
                .findFirst().orElseThrow().get("id").asLong();
        call("+84912345678", fixtures.agent.id(), "2026-03-02T09:00:00+07:00", "SUCCESS", interested,
                "{\"budget\":\"2 million\"}");
        call("+84912345678", fixtures.secondAgent.id(), "2026-03-01T09:00:00+07:00", "BUSY", null, null);
        call("+84912000111", fixtures.agent.id(), "2026-03-02T10:00:00+07:00", "NOANSWER", null, null);

        JsonNode calls = business.admin().get("/api/v1/campaigns/" + campaign + "/calls?number=0912.345.678")
                .expect(200).json();
        assertThat(calls.valueStream().map(c -> c.get("result").asString())).containsExactly("SUCCESS", "BUSY");
        assertThat(calls.get(0).get("howEnded").asString()).isEqualTo("CUSTOMER_LINE_LOST");
        assertThat(calls.get(0).get("hotline").asString()).isEqualTo("+842873009999");
        assertThat(calls.get(0).get("answers").get("budget").asString()).isEqualTo("2 million");
        assertThat(fixtures.agent.client().get("/api/v1/campaigns/" + campaign + "/calls?number=%2B84912345678")
                .expect(200).json().valueStream().map(c -> c.get("result").asString()))
                .as("an agent sees only their own calls").containsExactly("SUCCESS");
        assertThat(business.admin().get("/api/v1/campaigns/" + campaign + "/calls?number=12ab").json().get("errors")
                .findValuesAsString("field")).containsExactly("number");
        assertThat(api.newBusiness("other-tabs").admin()
                .get("/api/v1/campaigns/" + campaign + "/calls?number=%2B84912345678").status()).isEqualTo(404);

        MockHttpSession session = signIn("admin@" + business.domain(), "admin-password");
        String history = mvc.perform(get("/campaigns/" + campaign + "/calls").param("number", "+84912345678")
                .session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(history).contains("id=\"number-calls\"", "caller-one of", "caller-two of", "Interested",
                "2 million", "+842873009999", "Nguyen Van An", "the customer&#39;s line was lost");
    }

    @Test
    void aRecordedCallIsPlayedFromItsNumbersHistoryByAdminsAndSupervisorsOnly() throws Exception {
        String answered = call("+84912345678", fixtures.agent.id(), "2026-03-02T09:00:00+07:00", "SUCCESS", null, null);
        call("+84912345678", fixtures.agent.id(), "2026-03-01T09:00:00+07:00", "BUSY", null, null);
        byte[] wav = {'R', 'I', 'F', 'F', 1, 2, 3, 4};
        TestRecordings.keep(recordings, answered, wav, Duration.ofSeconds(50));

        MockHttpSession admin = signIn("admin@" + business.domain(), "admin-password");
        String history = mvc.perform(get("/campaigns/" + campaign + "/calls").param("number", "+84912345678")
                .session(admin)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(history).contains("src=\"/calls/" + answered + "/recording\"");
        assertThat(history.split("<audio", -1)).as("the busy call has no recording").hasSize(2);
        var played = mvc.perform(get("/calls/" + answered + "/recording").session(admin)).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(played.getContentType()).isEqualTo("audio/wav");
        assertThat(played.getContentAsByteArray()).isEqualTo(wav);

        MockHttpSession supervisor = signIn(business.person("SUPERVISOR", "reviewer").email(), "person-password");
        mvc.perform(get("/calls/" + answered + "/recording").session(supervisor)).andExpect(status().isOk());
        assertThat(fixtures.agent.client().get("/api/v1/calls/" + answered + "/recording").status()).isEqualTo(403);
        TestBusiness other = api.newBusiness("other-recordings");
        assertThat(other.admin().get("/api/v1/calls/" + answered + "/recording").status()).isEqualTo(404);

        // erased: by an admin of the business only
        assertThat(other.admin().delete("/api/v1/calls/" + answered + "/recording").status()).isEqualTo(404);
        assertThat(business.person("SUPERVISOR", "eraser").client().delete("/api/v1/calls/" + answered + "/recording")
                .status()).isEqualTo(403);
        business.admin().delete("/api/v1/calls/" + answered + "/recording").expect(204);
        assertThat(business.admin().get("/api/v1/calls/" + answered + "/recording").status()).isEqualTo(404);
        assertThat(business.admin().delete("/api/v1/calls/" + answered + "/recording").status()).isEqualTo(404);
        assertThat(mvc.perform(get("/campaigns/" + campaign + "/calls").param("number", "+84912345678").session(admin))
                .andReturn().getResponse().getContentAsString()).doesNotContain("<audio");
    }

    @Test
    void aCampaignsRecordingsAreFoundByAgentDaysAndNumberAPageAtATime() {
        String first = recorded("+84912345678", fixtures.agent.id(), "2026-03-01T09:00:00+07:00");
        String second = recorded("+84912000111", fixtures.secondAgent.id(), "2026-03-02T09:00:00+07:00");
        // 18:00 UTC on 2 March: 3 March on the business's clock (Ho Chi Minh City)
        String third = recorded("+84912345678", fixtures.secondAgent.id(), "2026-03-03T01:00:00+07:00");
        String path = "/api/v1/campaigns/" + campaign + "/recordings";

        assertThat(callIds(path)).containsExactly(third, second, first);
        assertThat(callIds(path + "?agentId=" + fixtures.secondAgent.id())).containsExactly(third, second);
        assertThat(callIds(path + "?number=0912.345.678")).containsExactly(third, first);
        assertThat(callIds(path + "?from=2026-03-02&to=2026-03-02")).containsExactly(second);
        assertThat(callIds(path + "?from=2026-03-03")).containsExactly(third);
        assertThat(callIds(path + "?to=2026-03-01")).containsExactly(first);
        assertThat(callIds(path + "?limit=2")).containsExactly(third, second);
        assertThat(callIds(path + "?limit=2&before=" + second)).containsExactly(first);
        assertThat(callIds(path + "?agentId=" + fixtures.secondAgent.id() + "&before=" + third)).containsExactly(second);
        assertThat(business.admin().get(path + "?limit=1").json().get(0).get("agentName").asString())
                .startsWith("caller-two");

        var unreadable = business.admin().get(path + "?from=yesterday&limit=0&number=12ab");
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("from", "limit", "number");
        var notAnAgent = business.admin().get(path + "?agentId=somebody");
        assertThat(notAnAgent.status()).isEqualTo(400);
        assertThat(notAnAgent.json().get("errors").findValuesAsString("field")).containsExactly("agentId");
        var backwards = business.admin().get(path + "?from=2026-03-02&to=2026-03-01");
        assertThat(backwards.json().get("errors").findValuesAsString("field")).containsExactly("to");
        assertThat(api.newBusiness("other-recording-list").admin().get(path).status()).isEqualTo(404);
        assertThat(fixtures.agent.client().get(path).status()).isEqualTo(403);
    }

    @Test
    void theCampaignPagesRecordingsPanelFiltersAndPagesAndIsLeftOutWhereThereAreNone() throws Exception {
        MockHttpSession supervisor = signIn(business.person("SUPERVISOR", "quality").email(), "person-password");
        String tab = "/campaigns/" + campaign + "/recordings-tab";
        assertThat(page("/campaigns/" + campaign, supervisor)).contains("hx-get=\"" + tab + "\"");
        assertThat(page(tab, supervisor)).as("a campaign that neither records nor has recordings")
                .doesNotContain("campaign-recording-list");

        List<String> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 51; i++) {
            calls.add(recorded("+84912345678", i % 2 == 0 ? fixtures.agent.id() : fixtures.secondAgent.id(),
                    OffsetDateTime.parse("2026-03-02T09:00:00+07:00").plusMinutes(i).toString()));
        }
        String newest = page(tab, supervisor);
        assertThat(newest).contains("id=\"campaign-recording-list\"", "/calls/" + calls.get(50) + "/recording",
                "before=" + calls.get(1)).doesNotContain("data-call=\"" + calls.get(0) + "\"");
        assertThat(newest.split("<audio", -1)).hasSize(51);
        String older = page(tab + "?before=" + calls.get(1), supervisor);
        assertThat(older.split("<audio", -1)).hasSize(2);
        assertThat(older).contains("/calls/" + calls.get(0) + "/recording").doesNotContain("campaign-recordings-older");

        String ofOneAgent = page(tab + "?agentId=" + fixtures.secondAgent.id(), supervisor);
        assertThat(ofOneAgent.split("<audio", -1)).hasSize(26);
        assertThat(ofOneAgent).contains("/calls/" + calls.get(49) + "/recording")
                .doesNotContain("/calls/" + calls.get(50) + "/recording");
        assertThat(page(tab + "?from=someday", supervisor)).contains("someday", "campaign-recording-list");

        // erased from the panel by an admin only, once they agree
        String delete = "/calls/" + calls.get(50) + "/recording/delete";
        assertThat(newest).doesNotContain(delete);
        MockHttpSession admin = signIn("admin@" + business.domain(), "admin-password");
        assertThat(page(tab, admin)).contains(delete, "data-confirm=\"Delete this recording of the call to +84912345678?");
        mvc.perform(post(delete).session(supervisor).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post(delete).session(admin).with(csrf())).andExpect(status().isOk());
        assertThat(page(tab, admin)).doesNotContain("/calls/" + calls.get(50) + "/recording\"");
    }

    @Test
    void listeningInNeedsRealCallsAndTheCallsNowPanelIsLeftOutWithoutThem() throws Exception {
        String answered = call("+84912345678", fixtures.agent.id(), "2026-03-02T09:00:00+07:00", "SUCCESS", null, null);
        MockHttpSession supervisor = signIn(business.person("SUPERVISOR", "ears").email(), "person-password");

        assertThat(page("/campaigns/" + campaign, supervisor)).contains("/campaigns/" + campaign + "/calls-now");
        assertThat(page("/campaigns/" + campaign + "/calls-now", supervisor)).doesNotContain("calls-now-list");
        var refused = business.admin().post("/api/v1/calls/" + answered + "/listen");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("simulated carrier");
    }

    private String recorded(String number, long agentId, String at) {
        String id = call(number, agentId, at, "SUCCESS", null, null);
        TestRecordings.keep(recordings, id, new byte[] {'R', 'I', 'F', 'F'}, Duration.ofSeconds(65));
        db.sql("update call_recording set recorded_at = :at where call_id = :id")
                .param("at", OffsetDateTime.parse(at).plusSeconds(60)).param("id", id).update();
        return id;
    }

    private List<String> callIds(String path) {
        return business.admin().get(path).expect(200).json().valueStream().map(r -> r.get("callId").asString())
                .toList();
    }

    private String call(String number, long agentId, String dialing, String result, Long classification, String answers) {
        String id = "test-" + UUID.randomUUID();
        OffsetDateTime dialed = OffsetDateTime.parse(dialing);
        db.sql("""
                insert into call_record (id, business_id, campaign_id, customer_id, dialed_number, hotline, agent_id,
                    queued_at, dialing_at, answered_at, connected_at, ended_at, result, how_ended, classification_id,
                    disposition, answers)
                values (:id, :business, :campaign,
                    (select min(id) from campaign_customer where campaign_id = :campaign and phone = :number),
                    :number, '+842873009999', :agent, :dialing, :dialing, :answered, :answered, :ended, :result,
                    :howEnded, :classification, :disposition, :answers)
                """)
                .param("id", id).param("business", business.id()).param("campaign", campaign)
                .param("number", number).param("agent", agentId).param("dialing", dialed)
                .param("answered", "SUCCESS".equals(result) ? dialed.plusSeconds(10) : null)
                .param("howEnded", "SUCCESS".equals(result) ? "CUSTOMER_LINE_LOST" : null)
                .param("ended", dialed.plusSeconds(60)).param("result", result).param("classification", classification)
                .param("disposition", classification == null ? null : "DONE").param("answers", answers).update();
        return id;
    }

    private String page(String path, MockHttpSession session) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        var result = mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(status().is3xxRedirection()).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
