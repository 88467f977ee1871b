package dev.outdial.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.PageSessions;
import dev.outdial.testing.TestBusiness;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The words issue 16 found wrong: each says what it means, in both languages. */
@OutdialIntegrationTest
@AutoConfigureMockMvc
class PageWordingTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Api api;

    @Autowired
    MessageSource messages;

    TestBusiness business;
    MockHttpSession admin;

    @BeforeEach
    void anAdminSignedIn() throws Exception {
        business = api.newBusiness("wording");
        admin = signIn("admin@" + business.domain(), "admin-password");
    }

    @Test
    void theUsersActionSaysWhatItDoes() throws Exception {
        business.agent("worker");

        assertThat(page("/settings/users", admin)).contains(">Disable<").doesNotContain(">Disabled<");
    }

    @Test
    void theCampaignsStatusColumnIsHeadedStatusAndTheTriggersTableHasOneActionsColumn() throws Exception {
        assertThat(page("/campaigns", admin)).contains("<th>Status</th>").doesNotContain("<th>Filter</th>");
        String triggers = page("/settings/triggers", admin);
        assertThat(triggers.split("<th>Actions</th>", -1)).hasSize(2);
    }

    @Test
    void countsAreSingularForOneAndAFileErrorReadsAsASentence() {
        assertThat(messages.getMessage("customers.import.done", new Object[] {3, 2, 1, 0}, Locale.ENGLISH))
                .isEqualTo("Done: 2 of 3 rows added, 1 duplicate, 0 rejected");
        assertThat(messages.getMessage("customers.import.done", new Object[] {1500, 2, 1200, 0}, Locale.ENGLISH))
                .contains("1,200 duplicates");
        assertThat(messages.getMessage("field.file", null, Locale.ENGLISH) + " "
                + messages.getMessage("customer.import.empty", null, Locale.ENGLISH)).isEqualTo("File has no rows");
    }

    @Test
    void aTicketNeedsSomeoneToCallAndASubject() {
        Map<String, Object> empty = new HashMap<>();
        empty.put("channel", "OTHER");

        assertThat(business.admin().post("/api/v1/tickets", empty).expect(400).json().get("errors")
                .findValuesAsString("field")).containsExactlyInAnyOrder("phone", "subject");
    }

    @Test
    void agentsSeeNoApiLinkAndTheWorkspaceHasOneNameInVietnamese() throws Exception {
        MockHttpSession agent = signIn(business.agent("nav").email(), "person-password");

        String workspace = page("/workspace?lang=vi", agent);
        assertThat(workspace).doesNotContain("/swagger-ui").doesNotContain("Bàn làm việc").contains("Không gian làm việc");
        assertThat(page("/campaigns", admin)).contains("/swagger-ui");
    }

    @Test
    void builtInClassificationsAreSaidInTheReadersLanguageUntilTheBusinessRenamesThem() throws Exception {
        String vietnamese = page("/campaigns/new?dialMode=MANUAL&lang=vi", admin);
        assertThat(vietnamese).contains(">Máy bận</option>").doesNotContain(">Busy</option>");

        long busy = 0;
        for (var classification : business.admin().get("/api/v1/call-classifications").expect(200).json()) {
            if (classification.get("code").asString().equals("BUSY")) {
                busy = classification.get("id").asLong();
            }
        }
        business.admin().put("/api/v1/call-classifications/" + busy, Map.of("name", "Bận máy (KH)", "code", "BUSY",
                "reached", false)).expect(200);
        assertThat(page("/campaigns/new?dialMode=MANUAL&lang=vi", admin)).contains(">Bận máy (KH)</option>");
    }

    @Test
    void aBlockedNumberIsNamedInTheUrlByItsIdOrByTheNumberInAnyUsualFormat() {
        long id = business.admin().post("/api/v1/blacklist", Map.of("number", "0912 345 681")).expect(201).id();
        business.admin().post("/api/v1/blacklist", Map.of("number", "0912 345 682")).expect(201);
        business.admin().post("/api/v1/blacklist", Map.of("number", "0912 345 683")).expect(201);

        assertThat(business.admin().get("/api/v1/blacklist/" + id).expect(200).json().get("number").asString())
                .isEqualTo("+84912345681");
        business.admin().delete("/api/v1/blacklist/+84912345681").expect(204);
        business.admin().delete("/api/v1/blacklist/0912.345.682").expect(204);
        business.admin().delete("/api/v1/blacklist/84912345683").expect(204);

        String missing = business.admin().delete("/api/v1/blacklist/+84912345681").expect(404).json().get("detail").asString();
        assertThat(missing).contains("+84912345681").doesNotContain(",");
        String missingId = business.admin().get("/api/v1/blacklist/123456789").expect(404).json().get("detail").asString();
        assertThat(missingId).contains("123456789");
    }

    private String page(String path, MockHttpSession session) throws Exception {
        return PageSessions.html(mvc, path, session);
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        return PageSessions.signIn(mvc, username, password);
    }
}
