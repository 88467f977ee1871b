package dev.outdial.dialing;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import dev.outdial.testing.BrowserTest;
import dev.outdial.testing.TestBusiness;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An agent runs a manual campaign in the workspace page, from Get customer to disposition, on the
 * simulated carrier: numbers ending 0003 answer and talk long enough for the agent to hang up.
 */
@ShortSimulatedCalls
@CarrierRules("talk-time=60s")
class WorkspaceBrowserTest extends BrowserTest {

    @Test
    void anAgentRunsAManualCampaignFromGetCustomerToDisposition() {
        DialingScenario manual = withBudgetScript("MANUAL", Map.of());
        manual.add("+84912500003", "+84912510003");
        long reached = manual.reachedClassification();

        Page page = availableWithCampaignOpen(manual);
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
        assertThat(page.locator("#call-panel .how-ended")).hasText("· the agent hung up");

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
        assertThat(page.locator("#history tbody tr .how-ended")).hasText("· the agent hung up");

        page.click("#get-customer");
        assertThat(page.locator("#customer-card h3")).hasText("Customer +84912510003");
    }

    @Test
    void anAgentPausesAndResumesTheRecordingOfTheirCallWhereTheCampaignRecords() {
        DialingScenario recorded = withBudgetScript("MANUAL", Map.of("recordCalls", true));
        recorded.add("+84912540003");

        Page page = availableWithCampaignOpen(recorded);
        page.click("#get-customer");
        // the card in before the call is placed from it: a click on the card being swapped in can be lost
        assertThat(page.locator("#customer-card h3")).hasText("Customer +84912540003");
        page.click("#dial");
        assertThat(page.locator("#call-state")).hasText("Talking");
        assertThat(page.locator("#recording-state")).hasAttribute("data-recording", "RECORDING");
        assertThat(page.locator("#recording-resume")).hasCount(0);
        String[][] steps = {{"pause", "PAUSED", "#recording-pause"}, {"resume", "RECORDING", "#recording-resume"}};
        for (String[] step : steps) {
            Response answer = page.waitForResponse(response -> response.url().endsWith("/recording/" + step[0]),
                    () -> page.click("#recording-" + step[0]));
            org.assertj.core.api.Assertions.assertThat(answer.status()).as(step[0]).isEqualTo(200);
            assertThat(page.locator("#recording-state")).hasAttribute("data-recording", step[1]);
            assertThat(page.locator(step[2])).hasCount(0); // only the button that changes the state is shown
        }
        assertThat(page.locator("#hold-state")).hasCount(0);
        page.click("#hold");
        assertThat(page.locator("#hold-state"))
                .hasText(Pattern.compile("On hold since \\d{1,2}:\\d\\d:\\d\\d.{0,4}: the customer hears the waiting music"));
        assertThat(page.locator("#hold")).hasCount(0);
        page.click("#unhold");
        assertThat(page.locator("#hold-state")).hasCount(0);
        assertThat(page.locator("#hold")).isVisible();
        // held and its recording paused elsewhere (a CRM's buttons through the API): the open page follows
        String call = page.locator("#call-panel").getAttribute("data-call");
        recorded.fixtures.agent.client().post("/api/v1/calls/" + call + "/hold").expect(204);
        assertThat(page.locator("#unhold")).isVisible();
        recorded.fixtures.agent.client().post("/api/v1/calls/" + call + "/recording/pause").expect(204);
        assertThat(page.locator("#recording-state")).hasAttribute("data-recording", "PAUSED");
        page.click("#recording-resume");
        assertThat(page.locator("#recording-state")).hasAttribute("data-recording", "RECORDING");
        page.click("#unhold");
        assertThat(page.locator("#hold")).isVisible();
        assertThat(page.locator("#notice")).isEmpty();
        assertThat(page.locator("#call-state")).hasText("Talking");
        page.click("#hang-up");
        assertThat(page.locator("#disposition")).isVisible();
        assertThat(page.locator("#recording-pause")).hasCount(0);
        assertThat(page.locator("#recording-state")).hasCount(0);
    }

    @Test
    void aPreviewShowsTheCustomerWithItsCountdownAndTheAgentMaySkipOrDialNow() {
        DialingScenario preview = withBudgetScript("PREVIEW", Map.of("previewSeconds", 60, "wrapUpSeconds", 0));
        preview.add("+84912520003", "+84912530003");

        Page page = availableWithCampaignOpen(preview);
        assertThat(page.locator("#customer-card h3")).hasText("Customer +84912520003");
        assertThat(page.locator("#customer-card [data-countdown-until]")).hasText(Pattern.compile("^(5\\d|60)$"));

        page.click("#skip");
        assertThat(page.locator("#customer-card h3")).hasText("Customer +84912530003");
        page.click("#dial");
        assertThat(page.locator("#call-state")).hasText("Talking");
        page.click("#hang-up");
        assertThat(page.locator("#disposition")).isVisible();
    }

    @Test
    void aProgressiveCallRingsTheAgentWhoAnswersThenWrapsUp() {
        DialingScenario progressive = withBudgetScript("PROGRESSIVE", Map.of("wrapUpSeconds", 120));
        progressive.add("+84912540003");
        long reached = progressive.reachedClassification();

        Page page = availableWithCampaignOpen(progressive);
        page.click("#answer");
        assertThat(page.locator("#call-state")).hasText("Talking");
        assertThat(page.locator("#customer-card h3")).hasText("Customer +84912540003");
        page.click("#hang-up");
        page.selectOption("#classification", String.valueOf(reached));
        page.fill("#answer-budget", "20");
        page.click("#next-done");
        assertThat(page.locator("#disposed")).containsText("Done");

        assertThat(page.locator("#wrap-up-panel")).isVisible();
        page.click("#end-wrap-up");
        assertThat(page.locator("#wrap-up-panel")).hasCount(0);
    }

    /** The card shows only what is true now: no finished wrap-up, no earlier call still "Dialing". */
    @Test
    void theNextCallShowsNothingLeftFromThePreviousOneAndAnswerStandsOut() {
        DialingScenario progressive = withBudgetScript("PROGRESSIVE", Map.of("wrapUpSeconds", 1));
        progressive.add("+84912560003", "+84912570003");
        long reached = progressive.reachedClassification();

        Page page = availableWithCampaignOpen(progressive);
        assertThat(page.locator("#answer")).hasClass(java.util.regex.Pattern.compile(".*\\bprimary\\b.*"));
        page.click("#answer");
        page.click("#hang-up");
        page.selectOption("#classification", String.valueOf(reached));
        page.fill("#answer-budget", "20");
        page.click("#next-done");

        // The second customer's call rings once the one-second wrap-up is over.
        assertThat(page.locator("#answer")).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions
                .IsVisibleOptions().setTimeout(20_000));
        assertThat(page.locator("#wrap-up-panel")).hasCount(0);
        page.click("#answer");
        assertThat(page.locator("#call-state")).hasText("Talking");
        assertThat(page.locator("#customer-card")).not().containsText("Dialing");
        assertThat(page.locator("#customer-card")).containsText("No calls yet");
    }

    @Test
    void aPredictiveCustomerWaitingForAnAgentRingsTheAgentWhoAnswersInTheWorkspace() {
        DialingScenario predictive = DialingScenario.running(api.newBusiness("Predictive"), "PREDICTIVE",
                Map.of("wrapUpSeconds", 0, "maxWaitSeconds", 60));
        predictive.add("+84912560003");

        Page page = availableWithCampaignOpen(predictive);
        assertThat(page.locator("#call-state")).hasText("Waiting for you");
        page.click("#answer");

        assertThat(page.locator("#call-state")).hasText("Talking");
        assertThat(page.locator("#customer-card h3")).hasText("Customer +84912560003");
        assertThat(page.locator("#dial")).hasCount(0);
        page.click("#hang-up");
        assertThat(page.locator("#disposition")).isVisible();
    }

    @Test
    void anAutoCallbackRingsTheAgentWhoAnswersThenTheCustomerIsDialedAndConnected() {
        DialingScenario callback = withBudgetScript("AUTO_CALLBACK", Map.of("wrapUpSeconds", 0));
        callback.add("+84912550003");

        Page page = availableWithCampaignOpen(callback);
        assertThat(page.locator("#customer-card h3")).hasText("Customer +84912550003");
        assertThat(page.locator("#phone-state")).hasText("Ringing");
        assertThat(page.locator("#dial")).hasCount(0);
        page.click("#phone-answer");

        assertThat(page.locator("#call-state")).hasText("Talking");
        assertThat(page.locator("#phone-panel")).hasCount(0);
        page.click("#hang-up");
        assertThat(page.locator("#disposition")).isVisible();
    }

    @Test
    void aQueueCallShowsTheAgentWhoCallsAndIntoWhichQueueFromTheRingToTheEnd() {
        DialingScenario callback = withBudgetScript("AUTO_CALLBACK", Map.of("wrapUpSeconds", 0));
        TestBusiness business = callback.business;
        long queue = business.admin().post("/api/v1/queues", Map.of("name", "Billing line", "callbackKey", "1",
                "minSecondsBeforeCallback", 1, "maxWaitSeconds", 60)).expect(201).id();
        Page page = availableWithCampaignOpen(callback);

        business.admin().post("/api/v1/sim/inbound-calls", Map.of("queueId", queue, "callerNumber", "0912550005"))
                .expect(201);

        assertThat(page.locator("#queue-call")).isVisible();
        assertThat(page.locator("#queue-call .queue-call-state")).hasText("Queue call ringing from");
        assertThat(page.locator("#queue-call .queue-call-caller")).hasText("+84912550005");
        assertThat(page.locator("#queue-call .queue-call-queue")).hasText("Billing line");
        page.click("#phone-answer");
        assertThat(page.locator("#queue-call .queue-call-state")).hasText("On a queue call with");
        assertThat(page.locator("#queue-call-recording-state")).hasCount(0); // the queue does not record
        page.click("#phone-hang-up");
        assertThat(page.locator("#queue-call .queue-call-state")).hasText("Queue call ended with");
    }

    @Test
    void anAgentPausesAndResumesTheRecordingOfTheQueueCallTheyTalkOn() {
        DialingScenario callback = withBudgetScript("AUTO_CALLBACK", Map.of("wrapUpSeconds", 0));
        TestBusiness business = callback.business;
        long queue = business.admin().post("/api/v1/queues", Map.of("name", "Card payments", "callbackKey", "1",
                "minSecondsBeforeCallback", 1, "maxWaitSeconds", 60, "recordCalls", true)).expect(201).id();
        Page page = availableWithCampaignOpen(callback);
        business.admin().post("/api/v1/sim/inbound-calls", Map.of("queueId", queue, "callerNumber", "0912550006"))
                .expect(201);
        assertThat(page.locator("#queue-call .queue-call-state")).hasText("Queue call ringing from");
        assertThat(page.locator("#queue-call-recording-state")).hasCount(0);
        page.click("#phone-answer");

        assertThat(page.locator("#queue-call-recording-state")).hasAttribute("data-recording", "RECORDING");
        page.click("#queue-call-recording-pause");
        assertThat(page.locator("#queue-call-recording-state")).hasAttribute("data-recording", "PAUSED");
        assertThat(page.locator("#queue-call-recording-pause")).hasCount(0);
        page.click("#queue-call-recording-resume");
        assertThat(page.locator("#queue-call-recording-state")).hasAttribute("data-recording", "RECORDING");
        page.click("#queue-call-hold-button");
        assertThat(page.locator("#queue-call-hold-state")).containsText("On hold since ");
        page.click("#queue-call-unhold");
        assertThat(page.locator("#queue-call-hold-state")).hasCount(0);
        assertThat(page.locator("#queue-call-hold-button")).isVisible();
        String taken = page.locator("#queue-call").getAttribute("data-call");
        callback.fixtures.agent.client().post("/api/v1/calls/" + taken + "/hold").expect(204);
        assertThat(page.locator("#queue-call-hold-state")).containsText("On hold since ");
        page.click("#queue-call-unhold");
        assertThat(page.locator("#queue-call-hold-button")).isVisible();
        page.click("#phone-hang-up");
        assertThat(page.locator("#queue-call .queue-call-state")).hasText("Queue call ended with");
        assertThat(page.locator("#queue-call-recording-state")).hasCount(0);
        assertThat(page.locator("#queue-call-hold-button")).hasCount(0);
        String call = business.admin().get("/api/v1/queues/" + queue + "/calls").expect(200).json().get(0).get("id")
                .asString();
        JsonNode activity = callback.fixtures.agent.client().get("/api/v1/calls/" + call + "/activity").expect(200)
                .json();
        org.assertj.core.api.Assertions.assertThat(activity.get("steps").valueStream()
                .map(step -> step.get("kind").asString()))
                .containsExactly("RECORDING_PAUSED", "RECORDING_RESUMED", "HOLD", "UNHOLD", "HOLD", "UNHOLD");
        org.assertj.core.api.Assertions.assertThat(activity.get("holds").asInt()).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThat(callback.fixtures.secondAgent.client()
                .get("/api/v1/calls/" + call + "/activity").status()).as("another agent's queue call").isEqualTo(404);

        Page admin = signedInAsAdmin(business);
        admin.navigate(api.baseUrl() + "/settings/queues?calls=" + queue);
        assertThat(admin.locator("tr[data-call='" + call + "'] .how-ended")).hasText("· the agent hung up");
        admin.click("tr[data-call='" + call + "'] td.activity summary");
        assertThat(admin.locator("tr[data-call='" + call + "'] td.activity .held"))
                .hasText(Pattern.compile("On hold \\d+:\\d\\d \\(2 times\\)"));
        assertThat(admin.locator("tr[data-call='" + call + "'] td.activity li")).hasCount(6);
    }

    /** A running campaign whose script asks one required question, {@code budget}. */
    private DialingScenario withBudgetScript(String dialMode, Map<String, Object> settings) {
        TestBusiness business = api.newBusiness("Workspace");
        long script = business.admin().post("/api/v1/scripts", Map.of("name", "Budget script", "questions", List.of(
                Map.of("id", "budget", "text", "Monthly budget", "type", "NUMBER", "required", true)))).expect(201).id();
        Map<String, Object> withScript = new HashMap<>(settings);
        withScript.put("scriptId", script);
        return DialingScenario.running(business, dialMode, withScript);
    }

    /** The campaign's agent signed in, Available, with the campaign's execution screen open. */
    private Page availableWithCampaignOpen(DialingScenario scenario) {
        Page page = signedIn(scenario.fixtures.agent.email(), "person-password", "en-US");
        page.navigate("/workspace");
        page.click("#state-available");
        assertThat(page.locator("#agent-state")).hasAttribute("data-available", "true");
        page.click("tr[data-campaign='" + scenario.campaignId + "'] button.run");
        return page;
    }
}
