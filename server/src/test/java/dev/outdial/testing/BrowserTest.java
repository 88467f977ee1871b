package dev.outdial.testing;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A test that drives the pages in headless Chromium, one browser per test class, against the
 * whole application on a random port.
 */
@OutdialIntegrationTest
@Tag("slow") // Headless Chromium: slow to start, left out of the fast suite.
@Tag("database-neutral") // Pages in a browser: run once, not again on PostgreSQL.
public abstract class BrowserTest {

    protected static Browser browser;

    @Autowired
    protected Api api;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    /** A new page in the language, signed in through the login form. */
    protected Page signedIn(String username, String password, String language) {
        Page page = browser.newPage(api.baseUrl(), language);
        page.navigate("/login?lang=" + language.substring(0, 2));
        page.fill("#username", username);
        page.fill("#password", password);
        page.click("button[type=submit]");
        return page;
    }

    protected Page signedInAsAdmin(TestBusiness business) {
        return signedIn("admin@" + business.domain(), "admin-password", "en-US");
    }
}
