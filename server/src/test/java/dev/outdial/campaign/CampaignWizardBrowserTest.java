package dev.outdial.campaign;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import dev.outdial.testing.BrowserTest;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.TestBusiness;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** An admin creates a predictive campaign through the wizard, finds it in the list, and approves it. */
class CampaignWizardBrowserTest extends BrowserTest {

    @Test
    void anAdminCreatesAPredictiveCampaignThroughTheWizard() {
        TestBusiness business = api.newBusiness("wizard");
        CampaignFixtures fixtures = new CampaignFixtures(business);
        Page page = signedInAsAdmin(business);

        page.navigate("/campaigns");
        page.click("text=New campaign");
        page.click("#mode-PREDICTIVE");
        page.fill("input[name=name]", "Tết promotion");
        page.selectOption("select[name=workingHoursId]", String.valueOf(fixtures.workingHoursId));
        page.check("input[name=hotlineIds][value='" + fixtures.hotlineId + "']");
        page.fill("input[name=maxAbandonRate]", "0.02");
        page.fill("input[name=maxConcurrentCalls]", "20");
        page.click("#next");
        page.click("#next");
        page.check("input[name=agentIds][value='" + fixtures.agent.id() + "']");
        page.click("#next");
        assertThat(page.locator("#review")).containsText("Tết promotion");
        page.click("#add");

        assertThat(page.locator(".alert.info")).containsText("Tết promotion");
        assertThat(page.locator("#status")).hasText("Unapproved");
        page.click("#action-approve");
        assertThat(page.locator("#status")).hasText("Approved");

        page.navigate("/campaigns");
        assertThat(page.locator("#campaigns")).containsText("Tết promotion");
        assertThat(page.locator("#campaigns")).containsText("Predictive");
    }

    /** One form field per agent and quota once passed the servlet container's default of 50 parts. */
    @Test
    void aBusinessWithTwoHundredAgentsCreatesAProgressiveCampaignWithAllOfThem() {
        TestBusiness business = api.newBusiness("wizard-crowd");
        CampaignFixtures fixtures = new CampaignFixtures(business);
        for (int i = 1; i <= 198; i++) {
            business.agent("agent" + i);
        }
        Page page = signedInAsAdmin(business);

        page.navigate("/campaigns/new?dialMode=PROGRESSIVE");
        page.fill("input[name=name]", "Everyone calls");
        page.selectOption("select[name=workingHoursId]", String.valueOf(fixtures.workingHoursId));
        page.check("input[name=hotlineIds][value='" + fixtures.hotlineId + "']");
        page.click("#next");
        page.click("#next");
        page.locator("input[name=agentIds]").evaluateAll("boxes => boxes.forEach(box => box.checked = true)");
        page.fill("input[name='agentQuotas[" + fixtures.agent.id() + "]']", "40");
        page.click("#next");
        page.click("#add");

        assertThat(page.locator(".alert.info")).containsText("Everyone calls");
        long campaignId = Long.parseLong(page.url().replaceAll(".*/campaigns/(\\d+).*", "$1"));
        var settings = business.admin().get("/api/v1/campaigns/" + campaignId).expect(200).json();
        org.assertj.core.api.Assertions.assertThat(settings.get("agentIds").size()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(settings.get("agentQuotas").get(String.valueOf(fixtures.agent.id())).asInt())
                .isEqualTo(40);
    }

    @Test
    void aFormTooLargeForTheServerAnswersAFriendlyPageAndTheWayBackKeepsWhatWasTyped() {
        TestBusiness business = api.newBusiness("wizard-huge");
        new CampaignFixtures(business);
        Page page = signedInAsAdmin(business);

        page.navigate("/campaigns/new?dialMode=MANUAL");
        page.fill("input[name=name]", "Typed before the failure");
        page.evaluate("""
                () => { const form = document.getElementById('wizard');
                  for (let i = 0; i < 2100; i++) { const extra = document.createElement('input');
                    extra.type = 'hidden'; extra.name = 'extra' + i; extra.value = 'x'; form.append(extra); }
                  form.noValidate = true; form.submit(); }""");

        assertThat(page.locator("#upload-too-large")).containsText("50 MB");
        page.click("#upload-too-large a[data-back]");
        assertThat(page).hasURL(Pattern.compile(".*/campaigns/new\\?dialMode=MANUAL$"));
        assertThat(page.locator("input[name=name]")).hasValue("Typed before the failure");
    }

    @Test
    void theWizardShowsOnlyTheChosenDialTypesSettingsAndKeepsInputOnError() {
        TestBusiness business = api.newBusiness("wizard-errors");
        new CampaignFixtures(business);
        Page page = signedInAsAdmin(business);

        page.navigate("/campaigns/new?dialMode=MANUAL");
        assertThat(page.locator("input[name=previewSeconds]")).hasCount(0);
        assertThat(page.locator("input[name=maxAbandonRate]")).hasCount(0);

        page.fill("input[name=name]", "No hours yet");
        page.selectOption("select[name=workingHoursId]", "");
        page.evaluate("document.querySelectorAll('[required]').forEach(e => e.removeAttribute('required'))");
        page.click("#next");
        page.click("#next");
        page.click("#next");
        page.click("#add");

        assertThat(page.locator(".errors")).containsText("Working hours");
        assertThat(page.locator("input[name=name]")).hasValue("No hours yet");
    }

    @Test
    void theCustomersStepAddsAFilesCustomersOnceTheCampaignExists() {
        TestBusiness business = api.newBusiness("wizard-customers");
        CampaignFixtures fixtures = new CampaignFixtures(business);
        Page page = signedInAsAdmin(business);

        page.navigate("/campaigns/new?dialMode=MANUAL");
        page.fill("input[name=name]", "With customers");
        page.selectOption("select[name=workingHoursId]", String.valueOf(fixtures.workingHoursId));
        page.check("input[name=hotlineIds][value='" + fixtures.hotlineId + "']");
        page.click("#next");
        page.check("input[name=customerSource][value=FILE]");
        page.setInputFiles("input[name=file]", new com.microsoft.playwright.options.FilePayload("list.csv", "text/csv",
                "name,phone\nAn,0912000501\nBình,0912000502\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        page.click("#next");
        page.check("input[name=agentIds][value='" + fixtures.agent.id() + "']");
        page.click("#next");
        page.click("#add");

        assertThat(page.locator("#import-done")).containsText("2 of 2");
        page.click("#progress a");
        assertThat(page.locator("#customers tbody tr")).hasCount(2);
    }


    @Test
    void theWizardFillsTheObviousChoicesReviewsThemAsChosenAndLeadsToTheNewCampaign() {
        TestBusiness business = api.newBusiness("wizard-defaults");
        CampaignFixtures fixtures = new CampaignFixtures(business);
        Page page = signedInAsAdmin(business);

        page.navigate("/campaigns/new?dialMode=PREVIEW");
        assertThat(page.locator("select[name=workingHoursId]")).hasValue(String.valueOf(fixtures.workingHoursId));
        assertThat(page.locator("select[name='classificationMapping[BUSY]'] option:checked")).hasText("Busy");
        assertThat(page.locator("select[name='classificationMapping[MACHINE]'] option:checked")).hasText("Answering machine");
        page.click("#start-now");
        assertThat(page.locator("input[name=startTime]")).hasValue(page.locator("#start-now").getAttribute("data-now"));

        page.fill("input[name=name]", "Reviewed");
        page.check("input[name=hotlineIds][value='" + fixtures.hotlineId + "']");
        page.click("#next");
        page.check("input[name=customerSource][value=FILE]");
        page.setInputFiles("input[name=file]", new com.microsoft.playwright.options.FilePayload("review.csv", "text/csv",
                "name,phone\nAn,0912000901\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        page.click("#next");
        page.check("input[name=agentIds][value='" + fixtures.agent.id() + "']");
        page.click("#next");

        var review = page.locator("#review");
        assertThat(review).containsText("Main line · +84");
        assertThat(review).containsText("review.csv");
        assertThat(review).containsText("Busy → Busy");
        org.assertj.core.api.Assertions.assertThat(review.innerText()).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");
        page.click("#add");

        assertThat(page.locator("#import-done")).containsText("1 of 1");
        page.click("#open-campaign");
        assertThat(page.locator("h1")).hasText("Reviewed");
    }
}
