package dev.outdial.dialing;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.outdial.testing.BrowserTest;
import dev.outdial.testing.TestBusiness;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 8: "the dashboard updates without a reload while calls run" on the simulated carrier: a
 * number ending 0003 answers and talks for a minute, until the agent hangs up.
 */
@ShortSimulatedCalls
@CarrierRules("talk-time=60s")
class LiveDashboardBrowserTest extends BrowserTest {

    /** A push every 2 s, and a moment for the page to draw it. */
    private static final LocatorAssertions.HasTextOptions SOON = new LocatorAssertions.HasTextOptions().setTimeout(15_000);

    @Test
    void theDashboardFollowsACallFromTalkingToEndedWithoutAReload() {
        // given a running manual campaign, its agent ready, and the admin watching the dashboard
        TestBusiness business = api.newBusiness("live-dashboard");
        DialingScenario manual = DialingScenario.running(business, "MANUAL", Map.of());
        TestBusiness.Person agent = manual.fixtures.agent;
        manual.ready(agent);
        long customer = manual.add("+84912450003").getFirst();
        Page page = signedInAsAdmin(business);
        page.navigate("/dashboard");
        assertThat(field(page, "today.dials")).hasText("0", SOON);
        assertThat(field(page, "agents.available")).hasText("1", SOON);
        page.evaluate("() => window.sameDocument = true");

        // when the agent calls the customer, who answers
        String callId = manual.getAndDial(agent, customer);

        // then the dashboard shows the call talking and the agent on it
        assertThat(field(page, "calls.talking")).hasText("1", SOON);
        assertThat(field(page, "agents.onCall")).hasText("1", SOON);
        assertThat(page.locator("#live-campaign-" + manual.campaignId)).containsText("Dialing");

        // when the agent hangs up
        agent.client().post("/api/v1/calls/" + callId + "/hangup").expect(204);
        manual.waitForCallEnd(agent.client(), callId);

        // then the call is gone from the calls now, counted in today's dials and reached in the last hour
        assertThat(field(page, "calls.total")).hasText("0", SOON);
        assertThat(field(page, "today.dials")).hasText("1", SOON);
        assertThat(field(page, "lastHour.contacts")).hasText("1", SOON);
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => window.sameDocument === true")).isEqualTo(true);
        // and the call is in the campaign's tally, kept as calls end: one call for one customer, none abandoned
        var live = DialingScenario.waitFor(
                () -> business.admin().get("/api/v1/campaigns/" + manual.campaignId + "/live").expect(200).json(),
                figures -> figures.has("attemptsPerCustomer") && figures.get("attemptsPerCustomer").asDouble() == 1.0, "the call in the campaign's tally");
        org.assertj.core.api.Assertions.assertThat(live.get("abandonRate").get("campaign").asDouble()).isZero();

        // and the campaign's page shows its live panel, in Vietnamese, with the same figures
        Page vietnamese = signedIn("admin@" + business.domain(), "admin-password", "vi-VN");
        vietnamese.navigate("/campaigns/" + manual.campaignId);
        assertThat(vietnamese.locator("#live")).containsText("Cuộc gọi hiện tại");
        assertThat(field(vietnamese, "today.dials")).hasText("1", SOON);
        assertThat(field(vietnamese, "abandonRate.today")).hasText(java.util.regex.Pattern.compile("^0,0\\s?%$"), SOON);
    }

    private static Locator field(Page page, String path) {
        return page.locator("#live [data-field='" + path + "']").first();
    }
}
