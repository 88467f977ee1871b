package dev.outdial.dialing;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import dev.outdial.testing.BrowserTest;
import dev.outdial.testing.TestBusiness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * After a simulated run of a progressive campaign, the details page's pie chart shows the run's
 * numbers, and its active/passive toggle pauses and resumes the campaign. Numbers end as the
 * simulated carrier reads them: 0001 busy, 0002 no answer, 0003 answers.
 */
@ShortSimulatedCalls
class CampaignDetailsBrowserTest extends BrowserTest {

    @Test
    void thePieChartShowsTheRunAndTheTogglePausesAndResumes() {
        TestBusiness business = api.newBusiness("DetailsBrowser");
        DialingScenario run = DialingScenario.running(business, "PROGRESSIVE",
                DialingScenario.ONE_CALL_NO_GAP);
        List<Long> customers = run.add("+84914100003", "+84914110001", "+84914120002", "+84914130003");
        business.admin().post("/api/v1/campaigns/" + run.campaignId + "/customers/" + customers.get(3) + "/pause")
                .expect(200);

        TestBusiness.Person agent = run.fixtures.agent;
        run.ready(agent);
        String reached = run.answerWhenRinging(agent);
        run.waitForCallEnd(agent.client(), reached);
        run.dispose(agent, reached, "DONE", Map.of());
        run.waitForStatus(customers.get(0), "SUCCESS");
        run.waitForStatus(customers.get(1), "MAX_ATTEMPTS");
        run.waitForStatus(customers.get(2), "MAX_ATTEMPTS");

        Page page = signedInAsAdmin(business);
        page.navigate("/campaigns/" + run.campaignId);
        assertThat(page.locator("#progress-total")).hasText("4");
        assertThat(page.locator("#progress-handled .count")).hasText("1");
        assertThat(page.locator("#progress-maxCalls .count")).hasText("2");
        assertThat(page.locator("#progress-filtered .count")).hasText("1");
        assertThat(page.locator("#progress-notHandled .count")).hasText("0");
        page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('progress-canvas'))");
        Object outer = page.evaluate("() => Chart.getChart(document.getElementById('progress-canvas'))"
                + ".data.datasets[0].data.join(',')");
        org.assertj.core.api.Assertions.assertThat(outer).as("handled, max. calls, filtered, not handled")
                .isEqualTo("1,2,1,0");
        Object inner = page.evaluate("() => Chart.getChart(document.getElementById('progress-canvas'))"
                + ".data.datasets[1].data.join(',')");
        org.assertj.core.api.Assertions.assertThat(inner)
                .as("reached (classified), busy, no answer, paused").isEqualTo("1,1,1,1");

        assertThat(page.locator("#active-toggle")).hasAttribute("aria-checked", "true");
        page.click("#active-toggle");
        assertThat(page.locator("#status")).hasText("Paused");
        assertThat(page.locator("#active-toggle")).hasAttribute("aria-checked", "false");
        org.assertj.core.api.Assertions.assertThat(business.admin().get("/api/v1/campaigns/" + run.campaignId)
                .json().get("status").asString()).isEqualTo("PAUSED");

        page.click("#active-toggle");
        assertThat(page.locator("#status")).hasText("Running");
        org.assertj.core.api.Assertions.assertThat(business.admin().get("/api/v1/campaigns/" + run.campaignId)
                .json().get("status").asString()).isEqualTo("RUNNING");

        assertThat(page.locator("#campaign-customer-list")).containsText("Customer +84914100003");
        page.click("#campaign-customer-list a.number-history:text('+84914100003')");
        assertThat(page.locator("#number-calls .result").first()).hasText("Reached · the customer hung up");
        assertThat(page.locator("#number-calls .agent").first()).containsText("caller-one");
    }
}
