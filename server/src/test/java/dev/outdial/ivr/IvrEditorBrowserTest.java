package dev.outdial.ivr;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import dev.outdial.testing.BrowserTest;
import dev.outdial.testing.TestBusiness;
import org.junit.jupiter.api.Test;

class IvrEditorBrowserTest extends BrowserTest {

    @Test
    void anAdminWritesAnIvrSeesItsErrorsThenItsTree() {
        TestBusiness business = api.newBusiness("IvrEditor");
        Page page = signedInAsAdmin(business);

        page.navigate("/settings/ivrs");
        page.fill("input[name=name]", "Payment reminder");
        String example = page.inputValue("textarea[name=tree]");
        page.fill("textarea[name=tree]", example.replace("\"target\" : \"n2\"", "\"target\" : \"n9\""));
        page.click("#ivr-editor button[type=submit]");

        assertThat(page.locator("ul.errors")).containsText("nodes[0].keys.1.target");
        assertThat(page.locator("textarea[name=tree]")).hasValue(java.util.regex.Pattern.compile("n9"));

        page.fill("textarea[name=tree]", example);
        page.click("#ivr-editor button[type=submit]");

        assertThat(page.locator(".alert.info")).containsText("Payment reminder");
        assertThat(page.locator("#ivrs")).containsText("Payment reminder");
        assertThat(page.locator("#node-n1")).containsText("opt out");
        page.click("#node-n1 a[href='#node-n2']");
        assertThat(page.locator("#node-n2")).containsText("Thank you");
    }
}
