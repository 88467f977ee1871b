package dev.outdial.dialing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * The progress of SPEC §6 from maintained counters: after every kind of change (adding, pausing,
 * blacklisting, deleting, dialing) the counts add up and equal a recount of the customers. Numbers
 * end as the simulated carrier reads them: 0001 busy, 0003 answers.
 */
@OutdialIntegrationTest
@ShortSimulatedCalls
@AutoConfigureMockMvc
class CampaignProgressTest {

    @Autowired
    Api api;

    @Autowired
    JdbcClient db;

    @Autowired
    MockMvc mvc;

    TestBusiness business;
    DialingScenario manual;

    @BeforeEach
    void runningManualCampaign() {
        business = api.newBusiness("Progress");
        manual = DialingScenario.running(business, "MANUAL", Map.of("maxCallsPerCustomer", 2));
    }

    @Test
    void countsFollowEveryChangeAndEqualARecount() {
        List<Long> ids = manual.add("+84912500003", "+84912510001", "+84912520003", "+84912530003", "+84912540003");
        assertThat(consistentProgress().get("buckets").get("notHandled").get("byResult").get("NONE").asLong()).isEqualTo(5);

        String customers = "/api/v1/campaigns/" + manual.campaignId + "/customers/";
        business.admin().post(customers + ids.get(2) + "/pause").expect(200);
        business.admin().post("/api/v1/blacklist", Map.of("number", "+84912530003")).expect(201);
        manual.waitForStatus(ids.get(3), "BLOCKED");
        business.admin().delete(customers + ids.get(4)).expect(204);
        JsonNode held = consistentProgress();
        assertThat(held.get("total").asLong()).isEqualTo(4);
        assertThat(held.get("buckets").get("filtered").get("total").asLong()).isEqualTo(2);
        assertThat(held.get("byStatus").get("PAUSED").asLong()).isEqualTo(1);
        assertThat(held.get("byStatus").get("BLOCKED").asLong()).isEqualTo(1);

        TestBusiness.Person agent = manual.fixtures.agent;
        manual.ready(agent);
        String reached = manual.getAndDial(agent, ids.get(0));
        manual.waitForCallEnd(agent.client(), reached);
        manual.dispose(agent, reached, "DONE", Map.of());
        manual.waitForStatus(ids.get(0), "SUCCESS");
        for (int attempt = 0; attempt < 2; attempt++) {
            String busy = attempt == 0 ? manual.getAndDial(agent, ids.get(1))
                    : agent.client().post("/api/v1/me/customers/" + ids.get(1) + "/dial").expect(201).json().get("id").asString();
            manual.waitForCallEnd(agent.client(), busy);
            manual.waitForStatus(ids.get(1), attempt == 0 ? "RETRY" : "MAX_ATTEMPTS");
            consistentProgress();
        }

        JsonNode dialed = consistentProgress();
        JsonNode handled = dialed.get("buckets").get("handled");
        assertThat(handled.get("total").asLong()).isEqualTo(1);
        assertThat(handled.get("byClassification").get(classificationName()).asLong()).isEqualTo(1);
        JsonNode maxCalls = dialed.get("buckets").get("maxCalls");
        assertThat(maxCalls.get("byResult").get("BUSY").asLong()).isEqualTo(1);
        assertThat(dialed.get("buckets").get("notHandled").get("total").asLong()).isZero();
    }

    @Test
    void dedupeAndAnAgentTakeNothingFromTheCounts() {
        manual.add("+84912700003", "+84912700003", "+84912710003");
        JsonNode resolved = business.admin().post("/api/v1/campaigns/" + manual.campaignId + "/duplicates/resolve",
                Map.of("mode", "AUTO")).expect(200).json();
        assertThat(resolved.get("removed").asInt()).isEqualTo(1);
        assertThat(consistentProgress().get("total").asLong()).isEqualTo(2);

        manual.fixtures.agent.client().get("/api/v1/campaigns/" + manual.campaignId + "/progress").expect(403);
        business.person("SUPERVISOR", "lead").client().get("/api/v1/campaigns/" + manual.campaignId + "/progress")
                .expect(200);
        api.newBusiness("Other").admin().get("/api/v1/campaigns/" + manual.campaignId + "/progress").expect(404);
    }

    @Test
    void theDetailsPageLoadsTheChartWithItsNumbers() throws Exception {
        List<Long> ids = manual.add("+84912600003", "+84912610003", "+84912620003");
        business.admin().post("/api/v1/campaigns/" + manual.campaignId + "/customers/" + ids.get(0) + "/pause")
                .expect(200);
        MockHttpSession admin = signIn("admin@" + business.domain(), "admin-password");

        String page = mvc.perform(get("/campaigns/" + manual.campaignId).session(admin)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/campaigns/" + manual.campaignId + "/progress")))
                .andReturn().getResponse().getContentAsString();
        Matcher chartJs = Pattern.compile("src=\"(/webjars/chart\\.js/[^\"]*chart\\.umd\\.js)\"").matcher(page);
        assertThat(chartJs.find()).as("the page loads Chart.js").isTrue();
        mvc.perform(get(chartJs.group(1))).andExpect(status().isOk());
        mvc.perform(get("/campaigns/" + manual.campaignId + "/progress").session(admin)
                        .header("Accept-Language", "vi"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"progress-canvas\"")))
                .andExpect(content().string(Matchers.containsString("Đã lọc")))
                .andExpect(content().string(Matchers.matchesRegex(
                        "(?s).*id=\"progress-filtered\".*?class=\"count\">1<.*id=\"progress-notHandled\".*?class=\"count\">2<.*")));
    }

    /** The progress, checked against a recount of the table and against itself; returned for more checks. */
    private JsonNode consistentProgress() {
        JsonNode progress = business.admin().get("/api/v1/campaigns/" + manual.campaignId + "/progress").expect(200).json();
        Map<String, Long> recount = new HashMap<>();
        db.sql("select status, count(*) as customers from campaign_customer where campaign_id = :campaign group by status")
                .param("campaign", manual.campaignId)
                .query(row -> {
                    recount.put(row.getString("status"), row.getLong("customers"));
                });
        Map<String, Long> counted = new HashMap<>();
        progress.get("byStatus").properties().forEach(entry -> {
            if (entry.getValue().asLong() != 0) {
                counted.put(entry.getKey(), entry.getValue().asLong());
            }
        });
        assertThat(counted).as(progress.toString()).isEqualTo(recount);
        long inBuckets = 0;
        for (JsonNode bucket : progress.get("buckets")) {
            long inner = 0;
            for (JsonNode count : bucket.get("byClassification")) {
                inner += count.asLong();
            }
            for (JsonNode count : bucket.get("byResult")) {
                inner += count.asLong();
            }
            assertThat(inner).as(bucket.toString()).isEqualTo(bucket.get("total").asLong());
            inBuckets += bucket.get("total").asLong();
        }
        long total = recount.values().stream().mapToLong(Long::longValue).sum();
        assertThat(progress.get("total").asLong()).isEqualTo(total);
        assertThat(inBuckets).isEqualTo(total);
        return progress;
    }

    private String classificationName() {
        long id = manual.reachedClassification();
        for (JsonNode classification : business.admin().get("/api/v1/call-classifications").expect(200).json()) {
            if (classification.get("id").asLong() == id) {
                return classification.get("name").asString();
            }
        }
        throw new AssertionError("no classification " + id);
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        var result = mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(status().is3xxRedirection()).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
