package dev.outdial.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.outdial.testing.BrowserTest;
import dev.outdial.testing.TestBusiness;
import org.junit.jupiter.api.Test;

/**
 * The behaviours that moved out of inline handlers into js/page-actions.js (the
 * Content-Security-Policy runs no inline script) still work: the script editor's Up, Down and
 * Remove on its questions.
 */
class PageActionsBrowserTest extends BrowserTest {

    @Test
    void theScriptEditorMovesAndRemovesQuestionsUnderThePolicy() {
        TestBusiness business = api.newBusiness("PageActions");
        Page page = signedInAsAdmin(business);
        page.navigate("/settings/scripts");
        Locator questions = page.locator("#questions .question");
        Locator add = page.locator("button[hx-get$='/settings/scripts/question']");
        assertThat(questions).hasCount(1);
        questions.nth(0).locator("input[name=qtext]").fill("Question 1");
        for (int i = 1; i < 3; i++) {
            add.click();
            assertThat(questions).hasCount(i + 1);
            questions.nth(i).locator("input[name=qtext]").fill("Question " + (i + 1));
        }

        questions.nth(2).locator("[data-move=up]").click();
        assertThat(questions.nth(1).locator("input[name=qtext]")).hasValue("Question 3");
        questions.nth(0).locator("[data-move=down]").click();
        assertThat(questions.nth(0).locator("input[name=qtext]")).hasValue("Question 3");
        assertThat(questions.nth(1).locator("input[name=qtext]")).hasValue("Question 1");

        questions.nth(0).locator("[data-remove-closest]").click();
        assertThat(questions).hasCount(2);
        assertThat(questions.nth(0).locator("input[name=qtext]")).hasValue("Question 1");
    }
}
