package dev.outdial.customer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import dev.outdial.testing.BrowserTest;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.TestBusiness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The campaign's details page draws the nested pie chart with the campaign's numbers, in Vietnamese too. */
class ProgressChartBrowserTest extends BrowserTest {

    @Test
    void theDetailsPageDrawsBothRingsWithTheCounts() {
        TestBusiness business = api.newBusiness("ProgressChart");
        long campaign = new CampaignFixtures(business).create("Chart", "PROGRESSIVE");
        business.admin().post("/api/v1/campaigns/" + campaign + "/customers", Map.of("customers", List.of(
                Map.of("name", "An", "phone", "+84912800001"), Map.of("name", "Binh", "phone", "+84912810001"),
                Map.of("name", "Chi", "phone", "+84912820001")))).expect(201);
        long paused = business.admin().get("/api/v1/campaigns/" + campaign + "/customers").expect(200).json()
                .get("items").get(0).get("id").asLong();
        business.admin().post("/api/v1/campaigns/" + campaign + "/customers/" + paused + "/pause").expect(200);

        Page page = signedIn("admin@" + business.domain(), "admin-password", "vi-VN");
        page.navigate("/campaigns/" + campaign);

        assertThat(page.locator("#progress-total")).hasText("3");
        assertThat(page.locator("#progress-filtered .count")).hasText("1");
        assertThat(page.locator("#progress-notHandled")).containsText("Chưa xử lý");
        assertThat(page.locator("#progress-notHandled .count")).hasText("2");
        page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('progress-canvas'))");
        Object rings = page.evaluate("() => Chart.getChart(document.getElementById('progress-canvas')).data.datasets"
                + ".map(ring => ring.data.join(',')).join(' | ')");
        org.assertj.core.api.Assertions.assertThat(rings).isEqualTo("0,0,1,2 | 1,2");
    }
}
