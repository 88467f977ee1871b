package dev.outdial.ivr;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import dev.outdial.media.AudioSamples;
import dev.outdial.testing.BrowserTest;
import dev.outdial.testing.TestBusiness;
import org.junit.jupiter.api.Test;

/** The IVR form in Chromium: a two-level tree built with its buttons and selects, an error at its key, saved and seen again. */
class IvrEditorBrowserTest extends BrowserTest {

    @Test
    void anAdminBuildsATwoLevelTreeInTheFormSeesAnErrorAtItsKeyThenSavesIt() {
        TestBusiness business = api.newBusiness("IvrEditor");
        business.admin().upload("/api/v1/audio?name=Welcome", "welcome.wav", AudioSamples.wav(300)).expect(201);
        Page page = signedInAsAdmin(business);

        page.navigate("/settings/ivrs");
        page.fill("input[name=name]", "Payment reminder");
        page.fill("input[name='nodes[0].id']", "menu");
        page.selectOption("select[name='nodes[0].audioId']", new SelectOption().setLabel("Welcome"));
        page.click("#ivr-add-node");

        page.selectOption("select[name='nodes[1].type']", "PLAY");
        assertThat(page.locator("input[name='nodes[1].timeoutSeconds']")).isHidden();
        page.fill("input[name='nodes[1].prompt']", "Thank you. Goodbye.");
        page.selectOption("select[name='nodes[0].keys[0].digit']", "1");
        assertThat(page.locator("select[name='nodes[0].keys[0].target']")).isHidden();
        page.selectOption("select[name='nodes[0].keys[0].action']", "GOTO");
        page.selectOption("select[name='nodes[0].keys[0].target']", "n2");
        page.click("#edit-node-0 button[value='add-key:0']");
        page.selectOption("select[name='nodes[0].keys[1].digit']", "1");
        page.selectOption("select[name='nodes[0].keys[1].action']", "OPT_OUT");
        page.click("#ivr-save");

        assertThat(page.locator("#edit-node-0-key-1-errors")).containsText("key '1' is used twice in this node");
        assertThat(page.locator("ul.errors")).containsText("Node menu, key 1");
        assertThat(page.locator("input[name='nodes[1].prompt']")).hasValue("Thank you. Goodbye.");

        page.selectOption("select[name='nodes[0].keys[1].digit']", "9");
        page.click("#ivr-save");

        assertThat(page.locator(".alert.info")).containsText("Payment reminder");
        page.reload();
        assertThat(page.locator("select[name='nodes[0].keys[0].target']")).hasValue("n2");
        assertThat(page.locator("select[name='nodes[0].keys[1].action']")).hasValue("OPT_OUT");
        assertThat(page.locator("#node-menu")).containsText("Welcome");
        assertThat(page.locator("#node-menu")).containsText("opt out");
        page.click("#node-menu a[href='#node-n2']");
        assertThat(page.locator("#node-n2")).containsText("Thank you");
    }
}
