package dev.outdial.report;

import static dev.outdial.testing.Exports.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.outdial.testing.Api;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.Exports;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The Reports page and its exports, over two hand-made calls of one campaign on 2 March 2026 (UTC+7). */
@OutdialIntegrationTest
@AutoConfigureMockMvc
class ReportPagesTest {

    private static final String DAY = "from=2026-03-02&to=2026-03-02";

    @Autowired
    MockMvc mvc;
    @Autowired
    Api api;
    @Autowired
    JdbcClient db;

    TestBusiness business;
    CampaignFixtures fixtures;
    long campaign;

    @BeforeEach
    void givenACampaignWithTwoCalls() {
        business = api.newBusiness("reportpages");
        fixtures = new CampaignFixtures(business);
        campaign = fixtures.create("=HYPERLINK(\"http://x\")", "MANUAL");
        call(fixtures.agent.id(), "2026-03-02T09:00:00+07:00", "2026-03-02T09:00:10+07:00",
                "2026-03-02T09:02:10+07:00", "SUCCESS");
        call(fixtures.agent.id(), "2026-03-02T09:30:00+07:00", null, "2026-03-02T09:30:30+07:00", "NOANSWER");
    }

    @Test
    void aSupervisorSeesBothTablesWithTheirTotalsInEnglishAndVietnamese() throws Exception {
        MockHttpSession session = signIn(business.person("SUPERVISOR", "lead").email());

        String page = mvc.perform(get("/reports?" + DAY).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"campaign-report\"", "id=\"agent-report\"", "data-campaign=\"" + campaign + "\"",
                "data-agent=\"" + fixtures.agent.id() + "\"", "0:02:00", "Total", "<th>Hold time</th>",
                "<td class=\"hold\">0:00:00</td>");

        String vietnamese = mvc.perform(get("/reports?" + DAY).session(session).locale(Locale.forLanguageTag("vi")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(vietnamese).contains("Báo cáo", "Tổng cộng", "Thời gian đàm thoại", "Thời gian giữ máy");

        String reversed = mvc.perform(get("/reports?from=2026-03-05&to=2026-03-02").session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(reversed).contains("must not be before the start date").doesNotContain("id=\"campaign-report\"");
    }

    @Test
    void eachSidesLineQualityShowsItsMeanPoorCallsAndLinesLostOnThePageAndInTheExports() throws Exception {
        line(call(fixtures.agent.id(), "2026-03-02T09:40:00+07:00", "2026-03-02T09:40:10+07:00",
                "2026-03-02T09:41:10+07:00", "SUCCESS"), 4.4);
        String dropped = call(fixtures.agent.id(), "2026-03-02T09:50:00+07:00", "2026-03-02T09:50:10+07:00",
                "2026-03-02T09:51:10+07:00", "SUCCESS");
        line(dropped, 3.4);
        db.sql("update call_record set how_ended = 'AGENT_LINE_LOST' where id = :id").param("id", dropped).update();

        String page = mvc.perform(get("/reports?" + DAY).session(signIn(business.person("SUPERVISOR", "lines").email())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(">Customer&#39;s line</th>", "title=\"Real calls only",
                "<td class=\"customer-line\"><span class=\"score\">3.9</span><span class=\"muted poor\"> (1 of 2 poor)",
                "<td class=\"agent-line\"><span class=\"score\">–</span>"
                        + "<span class=\"muted lost\"> · 1 lost</span></td>");

        List<List<String>> rows = Exports.csv(business.admin()
                .download("/api/v1/reports/agents/export?format=csv&" + DAY).body());
        List<String> headers = rows.getFirst();
        assertThat(rows.get(1).get(column(headers, "Customer's line quality (of 4.4)"))).isEqualTo("3.9");
        assertThat(rows.get(1).get(column(headers, "Customer's lines poor (calls)"))).isEqualTo("1");
        assertThat(rows.get(1).get(column(headers, "Agent's line quality (of 4.4)"))).as("not measured").isEmpty();
        assertThat(rows.get(1).get(column(headers, "Agent's lines poor (calls)"))).isEqualTo("0");
        assertThat(rows.get(1).get(column(headers, "Agent's lines lost (calls)"))).isEqualTo("1");
        assertThat(rows.get(1).get(column(headers, "Customer's lines lost (calls)"))).isEqualTo("0");
    }

    @Test
    void anAgentCannotOpenTheReports() throws Exception {
        MockHttpSession session = signIn(fixtures.agent.email());
        mvc.perform(get("/reports").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/reports/agents/export?format=csv&" + DAY).session(session)).andExpect(status().isForbidden());
    }

    @Test
    void eachTableExportsAsCsvAndXlsxWithItsTotalAndNoFormula() {
        Api.Download csv = business.admin().download("/api/v1/reports/campaigns/export?format=csv&" + DAY);
        assertThat(csv.status()).isEqualTo(200);
        List<List<String>> rows = Exports.csv(csv.body());
        List<String> headers = rows.getFirst();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).get(column(headers, "Campaign"))).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(rows.get(1).get(column(headers, "Calls"))).isEqualTo("2");
        assertThat(rows.get(1).get(column(headers, "Talk time (s)"))).isEqualTo("120");
        assertThat(rows.get(1).get(column(headers, "Hold time (s)"))).isEqualTo("0");
        assertThat(rows.get(2).get(column(headers, "Campaign"))).isEqualTo("Total");

        Api.Download xlsx = business.admin().download("/api/v1/reports/agents/export?format=xlsx&" + DAY);
        assertThat(xlsx.status()).isEqualTo(200);
        List<List<Cell>> cells = Exports.xlsx(xlsx.body());
        assertThat(cells).hasSize(3);
        List<String> agentHeaders = cells.getFirst().stream().map(Cell::getText).toList();
        Cell calls = cells.get(1).get(agentHeaders.indexOf("Calls"));
        assertThat(calls.getType()).isEqualTo(CellType.NUMBER);
        assertThat(calls.getText()).isEqualTo("2");
        assertThat(cells.stream().flatMap(List::stream)).noneMatch(cell -> cell != null && cell.getType() == CellType.FORMULA);

        assertThat(business.admin().get("/api/v1/reports/agents/export?format=pdf&" + DAY).status()).isEqualTo(400);
        assertThat(api.newBusiness("otherreportpages").admin()
                .download("/api/v1/reports/campaigns/export?format=csv&" + DAY + "&campaignId=" + campaign).status())
                .isEqualTo(404);
    }

    private String call(long agentId, String dialing, String connected, String ended, String result) {
        String id = "test-" + UUID.randomUUID();
        db.sql("""
                insert into call_record (id, business_id, campaign_id, customer_id, dialed_number, hotline, agent_id,
                    queued_at, dialing_at, connected_at, ended_at, result)
                values (:id, :business, :campaign, 1, '+84912345678', '+842873001000', :agent, :dialing, :dialing,
                    :connected, :ended, :result)
                """)
                .param("id", id).param("business", business.id()).param("campaign", campaign)
                .param("agent", agentId).param("dialing", OffsetDateTime.parse(dialing))
                .param("connected", connected == null ? null : OffsetDateTime.parse(connected))
                .param("ended", OffsetDateTime.parse(ended)).param("result", result).update();
        return id;
    }

    /** The customer's audio of the call reached Outdial with this score (sip mode's measure). */
    private void line(String callId, double score) {
        db.sql("""
                insert into call_quality (call_id, side, business_id, packets_expected, packets_lost, jitter_mean_ms,
                                          jitter_max_ms, mean_opinion)
                values (:call, 'CUSTOMER', :business, 100, 1, 5, 20, :score)""")
                .param("call", callId).param("business", business.id()).param("score", score).update();
    }

    private MockHttpSession signIn(String username) throws Exception {
        String password = username.startsWith("admin@") ? "admin-password" : "person-password";
        var result = mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(status().is3xxRedirection()).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
