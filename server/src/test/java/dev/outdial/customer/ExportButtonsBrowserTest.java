package dev.outdial.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import dev.outdial.testing.BrowserTest;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.TestBusiness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pages export what they show: the customer list as searched, a campaign's customers and calls. */
class ExportButtonsBrowserTest extends BrowserTest {

    @Test
    void theCustomerListAndTheCampaignPageExportAsSearched() throws IOException {
        TestBusiness business = api.newBusiness("export-buttons");
        long campaignId = new CampaignFixtures(business).create("Exported", "MANUAL");
        business.admin().post("/api/v1/campaigns/" + campaignId + "/customers", Map.of("customers", List.of(
                Map.of("name", "Nguyễn An", "phone", "0912000701"),
                Map.of("name", "Trần Bình", "phone", "0912000702")))).expect(201);
        Page page = signedInAsAdmin(business);

        page.navigate("/customers?campaignId=" + campaignId + "&name=Nguy*");
        String searched = text(page.waitForDownload(() -> page.click("#export-csv")));
        assertThat(searched).contains("Nguyễn An").doesNotContain("Trần Bình");
        Download workbook = page.waitForDownload(() -> page.click("#export-xlsx"));
        assertThat(workbook.suggestedFilename()).endsWith(".xlsx");

        page.navigate("/campaigns/" + campaignId);
        page.fill("#campaign-customers-search input[name=phone]", "0912000702");
        page.click("#campaign-customers-search button[type=submit]");
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#campaign-customer-list tbody tr"))
                .hasCount(1);
        String tab = text(page.waitForDownload(() -> page.click("#customers-export-csv")));
        assertThat(tab).contains("Trần Bình").doesNotContain("Nguyễn An");

        String calls = text(page.waitForDownload(() -> page.click("#calls-export-csv")));
        assertThat(calls.lines().count()).as("the header row of a campaign without calls").isEqualTo(1);
    }

    private static String text(Download download) throws IOException {
        return Files.readString(download.path(), StandardCharsets.UTF_8);
    }
}
