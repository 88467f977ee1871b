package dev.outdial.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import dev.outdial.testing.BrowserTest;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.TestBusiness;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every page the navigation leads to (and the settings tabs), for each role in both languages, on a
 * 1366 px wide screen: it answers 200, shows no message key left untranslated, and needs no
 * horizontal scrolling; the navigation stays on one line. {@code OUTDIAL_SCREENSHOTS=dir} keeps a
 * screenshot of each page there, for a person to look at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NavigationBrowserTest extends BrowserTest {

    private static final int WIDTH = 1366;
    private static final String SCREENSHOTS = System.getenv("OUTDIAL_SCREENSHOTS");

    private TestBusiness business;
    private String agentEmail;

    @BeforeAll
    void aBusinessWithACampaignOfCustomers() {
        business = api.newBusiness("navigation");
        CampaignFixtures fixtures = new CampaignFixtures(business);
        long campaign = fixtures.create("Chiến dịch nhắc thanh toán tháng mười hai", "PREVIEW");
        List<Map<String, Object>> customers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            customers.add(Map.of("name", "Nguyễn Thị Minh Khai " + i, "phone", "09120011" + (10 + i),
                    "externalId", "EXT-2026-000" + i, "fields", Map.of("note", "A long custom note " + i)));
        }
        business.admin().post("/api/v1/campaigns/" + campaign + "/customers", Map.of("customers", customers)).expect(201);
        business.person("SUPERVISOR", "watcher");
        agentEmail = fixtures.agent.email();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"admin, en-US", "admin, vi-VN", "supervisor, en-US", "supervisor, vi-VN", "agent, en-US", "agent, vi-VN"})
    void everyPageOfTheNavigationFits(String role, String language) {
        String user = switch (role) {
            case "admin" -> "admin@" + business.domain();
            case "supervisor" -> "watcher@" + business.domain();
            default -> agentEmail;
        };
        String password = role.equals("admin") ? "admin-password" : "person-password";
        Page page = browser.newPage(api.baseUrl(), language);
        page.setViewportSize(WIDTH, 800);
        page.navigate("/login?lang=" + language.substring(0, 2));
        page.fill("#username", user);
        page.fill("#password", password);
        page.click("button[type=submit]");
        page.waitForURL(url -> !url.contains("/login"));

        Set<String> paths = new LinkedHashSet<>(links(page, ".mainnav a"));
        paths.remove("/swagger-ui");
        if (role.equals("admin")) {
            page.navigate("/settings/users");
            paths.addAll(links(page, ".subnav a"));
        }
        List<String> problems = new ArrayList<>();
        for (String path : paths) {
            Response response = page.navigate(path);
            if (response == null || response.status() != 200) {
                problems.add(path + " answered " + (response == null ? "nothing" : response.status()));
                continue;
            }
            page.waitForLoadState();
            String text = page.locator("body").innerText();
            if (text.matches("(?s).*\\?\\?[\\w.-]+_\\w+\\?\\?.*")) {
                problems.add(path + " shows an untranslated key");
            }
            Number overflow = (Number) page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            if (overflow.intValue() > 0 || cutTables(page)) {
                problems.add(path + " scrolls sideways (" + overflow + " px) or cuts a table off");
            }
            Boolean navWraps = (Boolean) page.evaluate("() => { const bar = document.querySelector('.topbar');"
                    + " const items = Array.from(bar.querySelectorAll('a, button, .who'));"
                    + " return bar.getBoundingClientRect().height > 60 || items.some(e => e.getClientRects().length > 1); }");
            if (navWraps) {
                problems.add(path + " wraps the navigation");
            }
            if (SCREENSHOTS != null) {
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                        .setPath(Path.of(SCREENSHOTS, role + "-" + language + path.replace('/', '_') + ".png")));
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest(name = "in {0}")
    @CsvSource({"en-US, Page not found, Something went wrong", "vi-VN, Không tìm thấy trang, Đã xảy ra lỗi"})
    void aMissingObjectsPageIsTheNotFoundPageNotAnError(String language, String notFound, String failure) {
        Page page = browser.newPage(api.baseUrl(), language);
        page.navigate("/login?lang=" + language.substring(0, 2));
        page.fill("#username", "admin@" + business.domain());
        page.fill("#password", "admin-password");
        page.click("button[type=submit]");
        page.waitForURL(url -> !url.contains("/login"));

        for (String path : List.of("/campaigns/99999999", "/campaigns/99999999/edit", "/contacts/99999999")) {
            Response response = page.navigate(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            String text = page.locator("body").innerText();
            assertThat(text).as(path).contains(notFound).doesNotContain(failure);
        }
    }

    /** A table wider than the card that holds it: its last columns are out of sight. */
    private static boolean cutTables(Page page) {
        return (Boolean) page.evaluate("() => Array.from(document.querySelectorAll('table')).some(table =>"
                + " table.getBoundingClientRect().right > table.parentElement.getBoundingClientRect().right + 1)");
    }

    private static List<String> links(Page page, String selector) {
        @SuppressWarnings("unchecked")
        List<String> hrefs = (List<String>) page.evaluate("selector => Array.from(document.querySelectorAll(selector))"
                + ".map(a => a.getAttribute('href'))", selector);
        return hrefs.stream().map(href -> href.replaceAll("\\?.*", "")).toList();
    }
}
