package dev.outdial.dialing;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import dev.outdial.testing.BrowserTest;
import dev.outdial.testing.TestBusiness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * An agent runs a manual campaign in the workspace page, from Get customer to disposition, on the
 * simulated carrier: numbers ending 0003 answer and talk long enough for the agent to hang up.
 */
@TestPropertySource(properties = {
        "outdial.telephony.sim.rules.0003=ANSWER",
        "outdial.telephony.sim.signal-delay=50ms",
        "outdial.telephony.sim.ring-time=50ms",
        "outdial.telephony.sim.talk-time=60s",
        "outdial.telephony.sim.no-answer-timeout=200ms",
        "outdial.telephony.sim.spread=0",
        "outdial.dialing.no-answer-timeout=200ms"})
class WorkspaceBrowserTest extends BrowserTest {

    @Test
    void anAgentRunsAManualCampaignFromGetCustomerToDisposition() {
        TestBusiness business = api.newBusiness("Workspace");
        long script = business.admin().post("/api/v1/scripts", Map.of("name", "Budget script", "questions", List.of(
                Map.of("id", "budget", "text", "Monthly budget", "type", "NUMBER", "required", true)))).expect(201).id();
        DialingScenario manual = DialingScenario.running(business, "MANUAL", Map.of("scriptId", script));
        manual.add("+84912500003", "+84912510003");
        long reached = manual.reachedClassification();

        Page page = signedIn(manual.fixtures.agent.email(), "person-password", "en-US");
        page.navigate("/workspace");
        page.click("#state-available");
        assertThat(page.locator("#agent-state")).hasAttribute("data-available", "true");
        page.click("tr[data-campaign='" + manual.campaignId + "'] button.run");
        assertThat(page.locator("#get-customer")).isVisible();

        page.click("#get-customer");
        assertThat(page.locator("#customer-card h3")).hasText("Customer +84912500003");
        assertThat(page.locator("#customer-status")).hasText("Progressing");

        // "A new customer only after the previous one is processed."
        page.click("#get-customer");
        assertThat(page.locator("#notice")).containsText("finish the previous customer first");
        assertThat(page.locator("#customer-card h3")).hasText("Customer +84912500003");

        page.click("#dial");
        assertThat(page.locator("#call-state")).hasText("Talking");
        page.click("#hang-up");
        assertThat(page.locator("#disposition")).isVisible();

        // The script's required question left empty: the error shows beside it, nothing is saved.
        page.selectOption("#classification", String.valueOf(reached));
        page.click("#next-done");
        assertThat(page.locator(".field-error[data-field='answers.budget']")).hasText("is required");

        page.fill("#answer-budget", "1500");
        page.click("#next-done");
        assertThat(page.locator("#disposed")).containsText("Done");
        assertThat(page.locator("#customer-status")).hasAttribute("data-status", "SUCCESS");
        assertThat(page.locator("#customer-status")).hasText("Successful");
        assertThat(page.locator("#history tbody tr")).hasCount(1);

        page.click("#get-customer");
        assertThat(page.locator("#customer-card h3")).hasText("Customer +84912510003");
    }
}
