package dev.outdial.customer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import dev.outdial.testing.BrowserTest;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.TestBusiness;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** An admin imports a file through the page, watches its report, then searches and pauses a customer. */
class CustomerPagesBrowserTest extends BrowserTest {

    @Test
    void anAdminImportsAFileAndWorksTheCustomerList() {
        TestBusiness business = api.newBusiness("customer-pages");
        long campaign = new CampaignFixtures(business).create("Pages", "MANUAL");
        Page page = signedIn("admin@" + business.domain(), "admin-password", "vi-VN");

        page.navigate("/customers/add?campaignId=" + campaign);
        String csv = "name,phone\nNguyễn An,0912000301\nNguyễn Anh,0912000302\nTrần Bình,0912000303\nNo phone,\n";
        page.setInputFiles("input[name=file]", new FilePayload("khach-hang.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));
        page.click("#import button[type=submit]");

        assertThat(page.locator("#import-done")).containsText("thêm 3/4");
        assertThat(page.locator("#rejected")).containsText("5");
        page.click("text=Về danh sách khách hàng");

        assertThat(page.locator("#customers tbody tr")).hasCount(3);
        assertThat(page.locator("#customers")).containsText("Chưa thực hiện");
        page.fill("#search input[name=name]", "Nguy*An");
        page.click("#search button[type=submit]");
        assertThat(page.locator("#customers tbody tr")).hasCount(1);
        page.click("#customers button:has-text('Tạm dừng')");
        assertThat(page.locator("#customers")).containsText("Tạm dừng gọi ra");
    }
}
