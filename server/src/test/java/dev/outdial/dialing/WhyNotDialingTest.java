package dev.outdial.dialing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.outdial.engine.pacing.NotDialing;
import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * "A RUNNING campaign dials only inside its working hours and before its end time; the UI shows why
 * it is not dialing (outside working hours, not started yet, no eligible customers, no agents
 * available, concurrency limit reached)" (SPEC §4.2): {@code GET /api/v1/campaigns/{id}/dialing}
 * and the card on the campaign's page.
 */
@OutdialIntegrationTest
@AutoConfigureMockMvc
class WhyNotDialingTest {

    @Autowired
    Api api;

    @Autowired
    MockMvc mvc;

    @Test
    void everyReasonNotToDialIsWordedInEachLanguage() throws IOException {
        for (String file : List.of("i18n/dialing.properties", "i18n/dialing_vi.properties")) {
            Properties words = new Properties();
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(file);
                 Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                words.load(reader);
            }
            assertThat(Arrays.stream(NotDialing.values()).map(reason -> "dialing-state." + reason.name()))
                    .as(file).allSatisfy(key -> assertThat(words.getProperty(key)).as(key).isNotBlank());
        }
    }

    @Test
    void aRunningCampaignSaysWhyItIsNotDialingFromTheReasonItsDialerFound() {
        TestBusiness business = api.newBusiness("WhyNot", 1);
        DialingScenario progressive = DialingScenario.running(business, "PROGRESSIVE",
                Map.of("wrapUpSeconds", 0, "maxCallsPerCustomer", 1));
        progressive.awaitNotDialingBecause("NO_AGENTS_AVAILABLE");

        progressive.ready(progressive.fixtures.agent);
        progressive.awaitNotDialingBecause("NO_ELIGIBLE_CUSTOMERS");

        DialingScenario closed = progressive.another("PROGRESSIVE", Map.of(), DialingScenario.closedToday());
        closed.awaitNotDialingBecause("OUTSIDE_WORKING_HOURS");

        Map<String, Object> later = Map.of("startTime", OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString());
        DialingScenario notYet = progressive.another("PROGRESSIVE", later, DialingScenario.allWeek());
        JsonNode state = notYet.awaitNotDialingBecause("NOT_STARTED_YET");
        assertThat(state.get("status").asString()).isEqualTo("RUNNING");
        assertThat(state.get("dialing").asBoolean()).isFalse();
        assertThat(state.get("message").asString()).contains("start time");

        business.admin().post("/api/v1/campaigns/" + closed.campaignId + "/pause").expect(200);
        assertThat(closed.awaitNotDialingBecause("CAMPAIGN_NOT_RUNNING").get("status").asString()).isEqualTo("PAUSED");
    }

    @Test
    void aProgressiveCampaignWhoseBusinessLinesAreAllBusySaysTheConcurrencyLimitIsReached() {
        TestBusiness business = api.newBusiness("Limit", 1);
        DialingScenario progressive = DialingScenario.running(business, "PROGRESSIVE",
                Map.of("wrapUpSeconds", 0, "maxCallsPerCustomer", 1));
        // The carrier's defaults: each call takes seconds. One agent's call takes the business's one
        // line, and the other available agent waits for it.
        progressive.ready(progressive.fixtures.agent);
        progressive.ready(progressive.fixtures.secondAgent);
        progressive.add("+84916010002", "+84916020002", "+84916030002", "+84916040002", "+84916050002");

        progressive.awaitNotDialingBecause("CONCURRENCY_LIMIT_REACHED");
    }

    @Test
    void theCampaignPageShowsWhyItIsNotDialingInEnglishAndVietnamese() throws Exception {
        TestBusiness business = api.newBusiness("WhyNotPage");
        DialingScenario closed = DialingScenario.running(business, "PROGRESSIVE", Map.of(), DialingScenario.closedToday());
        closed.awaitNotDialingBecause("OUTSIDE_WORKING_HOURS");
        MockHttpSession admin = (MockHttpSession) mvc.perform(formLogin("/login").user("admin@" + business.domain())
                .password("admin-password")).andExpect(status().is3xxRedirection()).andReturn().getRequest().getSession(false);

        mvc.perform(get("/campaigns/" + closed.campaignId).session(admin)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/campaigns/" + closed.campaignId + "/dialing-state")));
        mvc.perform(get("/campaigns/" + closed.campaignId + "/dialing-state").session(admin)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-reason=\"OUTSIDE_WORKING_HOURS\"")))
                .andExpect(content().string(Matchers.containsString("outside the campaign&#39;s working hours")));
        mvc.perform(get("/campaigns/" + closed.campaignId + "/dialing-state").session(admin).param("lang", "vi"))
                .andExpect(content().string(Matchers.containsString("ngoài giờ làm việc")));
    }

    @Test
    void anotherBusinesssCampaignIsNotFound() {
        DialingScenario mine = DialingScenario.running(api.newBusiness("Mine"), "MANUAL", Map.of());
        api.newBusiness("Theirs").admin().get("/api/v1/campaigns/" + mine.campaignId + "/dialing").expect(404);
    }
}
