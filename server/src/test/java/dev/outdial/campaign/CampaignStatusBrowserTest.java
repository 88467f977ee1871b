package dev.outdial.campaign;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.outdial.testing.BrowserTest;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.TestBusiness;
import org.junit.jupiter.api.Test;

/**
 * The details page follows a campaign that moves without its button (its start time, another
 * user): the status and the buttons change in place, and a refused action says why in the page's
 * language, with the status's label.
 */
class CampaignStatusBrowserTest extends BrowserTest {

    /** The page asks again every 5 s; a slow machine gets twice that. */
    private static final LocatorAssertions.HasTextOptions WHILE_THE_PAGE_FOLLOWS = new LocatorAssertions.HasTextOptions()
            .setTimeout(15_000);

    @Test
    void aCampaignStartedElsewhereLosesItsStartButtonAndAStaleStartIsRefusedInVietnamese() {
        TestBusiness business = api.newBusiness("status-live");
        CampaignFixtures fixtures = new CampaignFixtures(business);
        long id = fixtures.create("Tự chạy", "PROGRESSIVE");
        business.admin().post("/api/v1/campaigns/" + id + "/approve").expect(200);
        Page page = signedIn("admin@" + business.domain(), "admin-password", "vi-VN");
        page.navigate("/campaigns/" + id + "?lang=vi");
        assertThat(page.locator("#action-start")).isVisible();

        business.admin().post("/api/v1/campaigns/" + id + "/start").expect(200);

        assertThat(page.locator("#status")).hasText("Đang chạy", WHILE_THE_PAGE_FOLLOWS);
        assertThat(page.locator("#action-start")).hasCount(0);
        assertThat(page.locator("#action-stop")).isVisible();

        // A Start sent from a page that had not caught up yet (another tab, a double click).
        page.evaluate("id => { const form = document.createElement('form'); form.method = 'post';"
                + " form.action = '/campaigns/' + id + '/actions/start';"
                + " const token = document.createElement('input'); token.type = 'hidden'; token.name = '_csrf';"
                + " token.value = document.querySelector('meta[name=_csrf]').content; form.append(token);"
                + " document.body.append(form); form.submit(); }", String.valueOf(id));

        assertThat(page.locator(".errors")).containsText("Không thể “Bắt đầu”: chiến dịch đang ở trạng thái Đang chạy");
        assertThat(page.locator(".errors")).not().containsText("RUNNING");
    }
}
