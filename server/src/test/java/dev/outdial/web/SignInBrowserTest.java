package dev.outdial.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import dev.outdial.testing.BrowserTest;
import dev.outdial.testing.TestBusiness;
import org.junit.jupiter.api.Test;

/** A person signs in through the real page in Chromium, finds their way by role, and switches language. */
class SignInBrowserTest extends BrowserTest {

    @Test
    void anAdminSignsInCreatesAnAgentAndSignsOut() {
        TestBusiness business = api.newBusiness("browser");
        Page page = browser.newPage(api.baseUrl(), "en-US");

        page.navigate("/");
        page.fill("#username", "admin@" + business.domain());
        page.fill("#password", "admin-password");
        page.click("button[type=submit]");
        assertThat(page.locator("h1")).containsText("Welcome");

        page.click("text=Settings");
        page.fill("input[name=name]", "Lan Agent");
        page.fill("input[name=email]", "lan@" + business.domain());
        page.fill("input[name=password]", "lan-password");
        page.selectOption("select[name=role]", "AGENT");
        page.click("form.form button[type=submit]");
        assertThat(page.locator("#users")).containsText("lan@" + business.domain());

        page.click("text=VI");
        assertThat(page.locator("h1")).containsText("Người dùng");

        page.click("text=Đăng xuất");
        assertThat(page.locator("h1")).containsText("Đăng nhập");
    }

    @Test
    void aWrongPasswordKeepsThePersonOnTheLoginPageWithAMessage() {
        Page page = browser.newPage(api.baseUrl(), "en-US");

        page.navigate("/login");
        page.fill("#username", "nobody@nowhere.test");
        page.fill("#password", "wrong-password");
        page.click("button[type=submit]");

        assertThat(page.locator(".alert.error")).isVisible();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login\\?error.*"));
    }
}
