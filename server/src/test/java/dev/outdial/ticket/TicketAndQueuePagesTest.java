package dev.outdial.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.outdial.media.AudioSamples;
import dev.outdial.testing.Api;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** The inbound queues and triggers pages (Settings, admins) and the Tickets page (everyone; status: admins and supervisors). */
@OutdialIntegrationTest
@AutoConfigureMockMvc
class TicketAndQueuePagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Api api;

    TestBusiness business;
    MockHttpSession admin;
    MockHttpSession agent;

    @BeforeEach
    void anAdminAndAnAgentSignedIn() throws Exception {
        business = api.newBusiness("ticket-pages");
        admin = signIn("admin@" + business.domain(), "admin-password");
        agent = signIn(business.agent("pager").email(), "person-password");
    }

    @Test
    void theQueuesPageCreatesAQueueAndNamesWhatIsWrong() throws Exception {
        String mobile = "09" + ThreadLocalRandom.current().nextLong(10_000_000, 100_000_000);
        String other = "09" + ThreadLocalRandom.current().nextLong(10_000_000, 100_000_000);
        mvc.perform(post("/settings/queues").session(admin).with(csrf()).param("name", "Hotline")
                        .param("callbackKey", "#").param("minSecondsBeforeCallback", "20").param("maxWaitSeconds", "60")
                        .param("notificationAudioId", "").param("ticketsForMissedCalls", "true")
                        .param("numbers", mobile + ",\r\n +84" + other.substring(1) + "\n"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/settings/queues"));
        JsonNode queue = business.admin().get("/api/v1/queues").expect(200).json().get(0);
        assertThat(queue.get("callbackKey").asString()).isEqualTo("#");
        assertThat(queue.get("ticketsForMissedCalls").asBoolean()).isTrue();
        assertThat(queue.get("numbers").get(0).asString()).isEqualTo("+84" + mobile.substring(1));
        assertThat(queue.get("numbers").get(1).asString()).isEqualTo("+84" + other.substring(1));
        assertThat(page(admin, "/settings/queues")).contains("+84" + mobile.substring(1));

        String again = mvc.perform(post("/settings/queues").session(admin).with(csrf()).param("name", "Late")
                        .param("callbackKey", "1").param("minSecondsBeforeCallback", "90").param("maxWaitSeconds", "60")
                        .param("numbers", "12"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // The first number, named as the page names its field.
        assertThat(again).contains("less than the maximum wait", "value=\"Late\"", "Phone numbers 1 ", ">12</textarea>");
        assertThat(page(admin, "/settings/queues?calls=" + queue.get("id").asLong())).contains("Hotline", "No calls yet.");
        mvc.perform(get("/settings/queues").session(agent)).andExpect(status().isForbidden());
    }

    @Test
    void theQueuesPageChoosesShowsAndClearsTheWaitingMusic() throws Exception {
        long music = business.admin().upload("/api/v1/audio", "hold-on.wav", AudioSamples.wav(1500)).expect(201).id();
        mvc.perform(post("/settings/queues").session(admin).with(csrf()).param("name", "Music line")
                        .param("callbackKey", "1").param("minSecondsBeforeCallback", "20").param("maxWaitSeconds", "60")
                        .param("notificationAudioId", "").param("waitingMusicAudioId", String.valueOf(music)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/settings/queues"));
        JsonNode queue = business.admin().get("/api/v1/queues").expect(200).json().get(0);
        long id = queue.get("id").asLong();
        assertThat(queue.get("waitingMusicAudioId").asLong()).isEqualTo(music);
        assertThat(page(admin, "/settings/queues")).contains("<td class=\"music\">hold-on</td>");
        assertThat(page(admin, "/settings/queues?edit=" + id))
                .contains("<option value=\"" + music + "\" selected=\"selected\">hold-on</option>");
        assertThat(page(admin, "/settings/queues?lang=vi")).contains("Nhạc chờ");

        String unknown = mvc.perform(post("/settings/queues/" + id).session(admin).with(csrf()).param("name", "Music line")
                        .param("callbackKey", "1").param("minSecondsBeforeCallback", "20").param("maxWaitSeconds", "60")
                        .param("waitingMusicAudioId", String.valueOf(music + 1000)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(unknown).contains("waitingMusicAudioId", "to play as waiting music");

        mvc.perform(post("/settings/queues/" + id).session(admin).with(csrf()).param("name", "Music line")
                        .param("callbackKey", "1").param("minSecondsBeforeCallback", "20").param("maxWaitSeconds", "60")
                        .param("waitingMusicAudioId", ""))
                .andExpect(status().is3xxRedirection());
        assertThat(business.admin().get("/api/v1/queues/" + id).expect(200).json().path("waitingMusicAudioId").isNull())
                .isTrue();
        assertThat(page(admin, "/settings/queues")).doesNotContain("<td class=\"music\">hold-on</td>");
    }

    @Test
    void theTriggersPageCreatesTheManualsCallbackTrigger() throws Exception {
        long campaign = new CampaignFixtures(business).create("Call them back", "AUTO_CALLBACK");
        assertThat(page(admin, "/settings/triggers")).contains("Call them back", "Meet ALL of the following conditions");

        mvc.perform(post("/settings/triggers").session(admin).with(csrf()).param("name", "Callbacks")
                        .param("match", "ALL").param("field0", "EVENT").param("operator0", "IS")
                        .param("value0", "TICKET_CREATED").param("field1", "CHANNEL").param("operator1", "IS")
                        .param("value1", "CALLBACK").param("field2", "").param("operator2", "IS").param("value2", "OPEN")
                        .param("campaignId", String.valueOf(campaign)))
                .andExpect(status().is3xxRedirection());

        JsonNode trigger = business.admin().get("/api/v1/triggers").expect(200).json().get(0);
        assertThat(trigger.get("conditions").size()).isEqualTo(2);
        assertThat(trigger.get("actions").get(0).get("campaignId").asLong()).isEqualTo(campaign);
        assertThat(page(admin, "/settings/triggers")).contains("Channel is Callback", "Add the customer to campaign Call them back");
    }

    @Test
    void theTriggersPageEditsATriggerAndNamesWhatIsWrong() throws Exception {
        CampaignFixtures campaigns = new CampaignFixtures(business);
        long first = campaigns.create("First callbacks", "AUTO_CALLBACK");
        long second = campaigns.create("Second callbacks", "AUTO_CALLBACK");
        long id = business.admin().post("/api/v1/triggers", Map.of("name", "Callbacks", "match", "ALL",
                "conditions", java.util.List.of(Map.of("field", "CHANNEL", "operator", "IS", "value", "CALLBACK")),
                "actions", java.util.List.of(Map.of("type", "ADD_CUSTOMER_TO_CAMPAIGN", "campaignId", first)))).expect(201).id();

        // given the edit form opens filled in with what is saved
        String form = page(admin, "/settings/triggers?edit=" + id);
        assertThat(form).contains("Edit trigger &#39;Callbacks&#39;", "action=\"/settings/triggers/" + id + "\"",
                "value=\"Callbacks\"", "<option value=\"CHANNEL\" selected=\"selected\"");
        assertThat(page(admin, "/settings/triggers?edit=" + id + "&lang=vi")).contains("Sửa trigger &#39;Callbacks&#39;", "Lưu");

        // when the admin saves without a campaign, the form comes back naming what is wrong and keeping the edit
        String rejected = mvc.perform(post("/settings/triggers/" + id).session(admin).with(csrf())
                        .param("name", "Missed calls").param("match", "ANY").param("field0", "CHANNEL")
                        .param("operator0", "IS").param("value0", "MISSED_CALL").param("campaignId", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(rejected).contains("actions needs at least one action", "value=\"Missed calls\"",
                "action=\"/settings/triggers/" + id + "\"");

        // when the admin saves a changed name, match, conditions and campaign
        mvc.perform(post("/settings/triggers/" + id).session(admin).with(csrf()).param("name", "Missed calls")
                        .param("match", "ANY").param("field0", "CHANNEL").param("operator0", "IS")
                        .param("value0", "MISSED_CALL").param("field1", "STATUS").param("operator1", "IS_NOT")
                        .param("value1", "CLOSED").param("field2", "").param("operator2", "IS").param("value2", "OPEN")
                        .param("campaignId", String.valueOf(second)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/settings/triggers"));

        // then the trigger is changed, still enabled, and the page shows the change
        JsonNode trigger = business.admin().get("/api/v1/triggers/" + id).expect(200).json();
        assertThat(trigger.get("name").asString()).isEqualTo("Missed calls");
        assertThat(trigger.get("match").asString()).isEqualTo("ANY");
        assertThat(trigger.get("enabled").asBoolean()).isTrue();
        assertThat(trigger.get("conditions").size()).isEqualTo(2);
        assertThat(trigger.get("actions").get(0).get("campaignId").asLong()).isEqualTo(second);
        assertThat(page(admin, "/settings/triggers")).contains("Missed calls", "Channel is Missed call",
                "Status is not Closed", "Add the customer to campaign Second callbacks").doesNotContain("Edit trigger");

        // and a further action made through the API, which the form does not show, survives an edit on the page
        long third = campaigns.create("Third callbacks", "AUTO_CALLBACK");
        business.admin().put("/api/v1/triggers/" + id, Map.of("name", "Missed calls", "match", "ANY",
                "conditions", java.util.List.of(Map.of("field", "CHANNEL", "operator", "IS", "value", "MISSED_CALL")),
                "actions", java.util.List.of(Map.of("type", "ADD_CUSTOMER_TO_CAMPAIGN", "campaignId", second),
                        Map.of("type", "ADD_CUSTOMER_TO_CAMPAIGN", "campaignId", third)))).expect(200);
        mvc.perform(post("/settings/triggers/" + id).session(admin).with(csrf()).param("name", "Missed calls again")
                        .param("match", "ANY").param("field0", "CHANNEL").param("operator0", "IS")
                        .param("value0", "MISSED_CALL").param("campaignId", String.valueOf(first)))
                .andExpect(status().is3xxRedirection());
        JsonNode edited = business.admin().get("/api/v1/triggers/" + id).expect(200).json();
        assertThat(edited.get("actions").size()).isEqualTo(2);
        assertThat(edited.get("actions").get(0).get("campaignId").asLong()).isEqualTo(first);
        assertThat(edited.get("actions").get(1).get("campaignId").asLong()).isEqualTo(third);

        // another business's trigger is not found
        MockHttpSession otherAdmin = signIn("admin@" + api.newBusiness("other-trigger-pages").domain(), "admin-password");
        mvc.perform(get("/settings/triggers").param("edit", String.valueOf(id)).session(otherAdmin))
                .andExpect(status().isNotFound());
        mvc.perform(post("/settings/triggers/" + id).session(otherAdmin).with(csrf()).param("name", "Stolen"))
                .andExpect(status().isNotFound());
    }

    @Test
    void theTicketsPageFiltersCreatesAndLetsOnlyAdminsAndSupervisorsChangeTheStatus() throws Exception {
        mvc.perform(post("/tickets").session(agent).with(csrf()).param("channel", "EMAIL")
                        .param("customerName", "Lan").param("phone", "0912 345 678").param("subject", "Invoice"))
                .andExpect(status().is3xxRedirection());
        business.admin().post("/api/v1/tickets", Map.of("channel", "CALLBACK", "phone", "0912000111",
                "subject", "Call back")).expect(201);
        long email = business.admin().get("/api/v1/tickets?channel=EMAIL").json().get("items").get(0).get("id").asLong();

        assertThat(page(admin, "/tickets?channel=EMAIL")).contains("Invoice", "+84912345678").doesNotContain("+84912000111");
        assertThat(page(agent, "/tickets")).contains("Invoice").doesNotContain("/status\"");
        mvc.perform(post("/tickets/" + email + "/status").session(agent).with(csrf()).param("status", "CLOSED"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/tickets/" + email + "/status").session(admin).with(csrf()).param("status", "CLOSED"))
                .andExpect(status().is3xxRedirection());
        assertThat(business.admin().get("/api/v1/tickets/" + email).json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(mvc.perform(get("/tickets").param("lang", "vi").session(admin)).andReturn().getResponse()
                .getContentAsString()).contains("Phiếu ghi", "Đã đóng");
    }

    @Test
    void thePagesSpeakEnglishAndVietnameseWithEveryTextInTheBundles() throws Exception {
        new CampaignFixtures(business).create("Gọi lại", "AUTO_CALLBACK");
        business.admin().post("/api/v1/queues", Map.of("name", "Tổng đài", "callbackKey", "1")).expect(201);
        for (String path : new String[] {"/settings/queues", "/settings/triggers", "/tickets"}) {
            for (String lang : new String[] {"en", "vi"}) {
                String html = mvc.perform(get(path).param("lang", lang).session(admin)).andExpect(status().isOk())
                        .andReturn().getResponse().getContentAsString();
                assertThat(html).as(path + " in " + lang).doesNotContain("??");
            }
        }
        assertThat(page(admin, "/settings/queues?lang=vi")).contains("Hàng đợi cuộc gọi vào", "Phím để lại yêu cầu gọi lại");
    }

    private String page(MockHttpSession who, String path) throws Exception {
        return mvc.perform(get(path).session(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private MockHttpSession signIn(String email, String password) throws Exception {
        var result = mvc.perform(formLogin("/login").user(email).password(password))
                .andExpect(status().is3xxRedirection()).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
