package dev.outdial.dialing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.outdial.testing.Api;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * A campaign's forecast: the simulator on its remaining customers with the rates its calls showed
 * (numbers ending in 0002 ring out on the simulated carrier), or defaults before its first calls.
 */
@OutdialIntegrationTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {
        "outdial.telephony.sim.rules.0002=NOANSWER",
        "outdial.telephony.sim.signal-delay=50ms",
        "outdial.telephony.sim.no-answer-timeout=200ms",
        "outdial.telephony.sim.spread=0"})
class CampaignForecastTest {

    @Autowired
    Api api;

    @Autowired
    MockMvc mvc;

    @Test
    void beforeItsFirstCallsAPredictiveCampaignIsForecastWithDefaultRatesForItsAssignedAgents() {
        TestBusiness business = api.newBusiness("Forecast");
        CampaignFixtures fixtures = new CampaignFixtures(business);
        long campaign = fixtures.create("Forecast", "PREDICTIVE");
        addCustomers(business, campaign, 40, "21");

        JsonNode forecast = business.admin().get("/api/v1/campaigns/" + campaign + "/forecast").expect(200).json();

        assertThat(forecast.get("agents").asInt()).as("the fixture assigns two agents").isEqualTo(2);
        assertThat(forecast.get("remainingCustomers").asLong()).isEqualTo(40);
        assertThat(forecast.get("dialingHours").asDouble()).isPositive();
        assertThat(forecast.get("contactsPerHour").asDouble()).isPositive();
        assertThat(forecast.get("abandonRate").asDouble()).isBetween(0.0, 0.10);
        assertThat(forecast.get("completesBeforeEnd").asBoolean()).isTrue();
        assertThat(forecast.get("estimatedCompletion").asString()).isNotBlank();
        assertThat(sources(forecast)).containsEntry("answerRate", "DEFAULT").containsEntry("talkSeconds", "DEFAULT")
                .containsEntry("wrapUpSeconds", "SETTING");

        JsonNode more = business.admin().get("/api/v1/campaigns/" + campaign + "/forecast?agents=20").expect(200).json();
        assertThat(more.get("dialingHours").asDouble()).isLessThan(forecast.get("dialingHours").asDouble());
        assertThat(business.admin().get("/api/v1/campaigns/" + campaign + "/forecast").expect(200).json()
                .get("computedAt")).as("worked out once a minute").isEqualTo(forecast.get("computedAt"));
    }

    @Test
    void theRatesACampaignsCallsShowedAreUsedOnceItHasEnoughCalls() {
        DialingScenario progressive = DialingScenario.running(api.newBusiness("Observed"), "PROGRESSIVE",
                DialingScenario.ONE_CALL_NO_GAP);
        List<Long> called = addCustomers(progressive.business, progressive.campaignId, 24, "22");
        progressive.ready(progressive.fixtures.agent);
        progressive.ready(progressive.fixtures.secondAgent);
        called.forEach(customer -> progressive.waitForStatus(customer, "MAX_ATTEMPTS"));
        for (TestBusiness.Person agent : List.of(progressive.fixtures.agent, progressive.fixtures.secondAgent)) {
            agent.client().put("/api/v1/me/state", Map.of("state", "NOT_AVAILABLE")).expect(200);
        }

        JsonNode forecast = progressive.business.admin()
                .get("/api/v1/campaigns/" + progressive.campaignId + "/forecast?agents=3").expect(200).json();

        assertThat(sources(forecast)).containsEntry("answerRate", "OBSERVED").containsEntry("busyRate", "OBSERVED")
                .containsEntry("ringSeconds", "DEFAULT");
        assertThat(rate(forecast, "answerRate").get("value").asDouble()).isZero();
        assertThat(rate(forecast, "answerRate").get("sample").asInt()).isEqualTo(24);
        assertThat(forecast.has("abandonRate")).as("progressive has no abandon limit to forecast").isFalse();
    }

    @Test
    void aNumberOfAgentsOutOfRangeIsRefusedNamingTheField() {
        TestBusiness business = api.newBusiness("ForecastRange");
        long campaign = new CampaignFixtures(business).create("Range", "PROGRESSIVE");

        for (String agents : List.of("0", "1001")) {
            Api.Response refused = business.admin().get("/api/v1/campaigns/" + campaign + "/forecast?agents=" + agents);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("agents");
        }
    }

    @Test
    void onlyAdminsAndSupervisorsOfTheBusinessSeeAForecastOfASystemDialedCampaign() {
        TestBusiness business = api.newBusiness("ForecastWho");
        CampaignFixtures fixtures = new CampaignFixtures(business);
        long progressive = fixtures.create("Who", "PROGRESSIVE");
        long manual = fixtures.create("Manual", "MANUAL");

        assertThat(business.person("SUPERVISOR", "lead").client()
                .get("/api/v1/campaigns/" + progressive + "/forecast").status()).isEqualTo(200);
        assertThat(fixtures.agent.client().get("/api/v1/campaigns/" + progressive + "/forecast").status()).isEqualTo(403);
        assertThat(api.newBusiness("ForecastOther").admin().get("/api/v1/campaigns/" + progressive + "/forecast")
                .status()).isEqualTo(404);
        assertThat(business.admin().get("/api/v1/campaigns/" + manual + "/forecast").status()).isEqualTo(409);
    }

    @Test
    void theCampaignPageShowsTheForecastCardWithItsAgentsInputInEnglishAndVietnamese() throws Exception {
        TestBusiness business = api.newBusiness("ForecastPage");
        long campaign = new CampaignFixtures(business).create("Page", "PREDICTIVE");
        MockHttpSession admin = signIn("admin@" + business.domain(), "admin-password");

        mvc.perform(get("/campaigns/" + campaign).session(admin)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"forecast\"")));
        mvc.perform(get("/campaigns/" + campaign + "/forecast?agents=4").session(admin)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"forecast-figures\"")))
                .andExpect(content().string(Matchers.containsString("value=\"4\"")))
                .andExpect(content().string(Matchers.containsString("Contacts per hour")));
        mvc.perform(get("/campaigns/" + campaign + "/forecast?agents=lots").session(admin)
                        .header("Accept-Language", "vi"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-field=\"agents\"")))
                .andExpect(content().string(Matchers.containsString("Số điện thoại viên")));
    }

    private static List<Long> addCustomers(TestBusiness business, long campaign, int count, String prefix) {
        List<Map<String, Object>> customers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            customers.add(Map.of("name", "Customer " + i, "phone", String.format("+849%s%02d0002", prefix, i)));
        }
        business.admin().post("/api/v1/campaigns/" + campaign + "/customers", Map.of("customers", customers)).expect(201);
        List<Long> ids = new ArrayList<>();
        business.admin().get("/api/v1/campaigns/" + campaign + "/customers?limit=500").expect(200).json().get("items")
                .forEach(customer -> ids.add(customer.get("id").asLong()));
        assertThat(ids).hasSize(count);
        return ids;
    }

    private static Map<String, String> sources(JsonNode forecast) {
        Map<String, String> sources = new java.util.HashMap<>();
        forecast.get("rates").forEach(rate -> sources.put(rate.get("name").asString(), rate.get("source").asString()));
        return sources;
    }

    private static JsonNode rate(JsonNode forecast, String name) {
        for (JsonNode rate : forecast.get("rates")) {
            if (rate.get("name").asString().equals(name)) {
                return rate;
            }
        }
        throw new AssertionError("no rate " + name + " in " + forecast);
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        var result = mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(status().is3xxRedirection()).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
