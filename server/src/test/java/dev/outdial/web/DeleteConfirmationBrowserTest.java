package dev.outdial.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import dev.outdial.call.CallRecordings;
import dev.outdial.testing.BrowserTest;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.TestBusiness;
import dev.outdial.testing.TestRecordings;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every delete asks first, naming what goes and what depends on it; declining deletes nothing.
 * Nobody deletes their own account.
 */
class DeleteConfirmationBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient db;
    @Autowired
    CallRecordings recordings;

    @Test
    void deletingAUserAsksByNameAndNobodyDeletesThemselves() {
        TestBusiness business = api.newBusiness("confirm-users");
        TestBusiness.Person agent = business.agent("leaving");
        Page page = signedInAsAdmin(business);
        page.navigate("/settings/users");
        assertThat(page.locator("#users tr", new Page.LocatorOptions().setHasText("admin@")).locator("text=Delete"))
                .hasCount(0);

        var row = page.locator("#users tr", new Page.LocatorOptions().setHasText(agent.email()));
        String asked = answer(page, false, () -> row.locator("text=Delete").click());
        org.assertj.core.api.Assertions.assertThat(asked).contains(agent.email()).contains("can no longer sign in");
        assertThat(page.locator("#users")).containsText(agent.email());

        answer(page, true, () -> row.locator("text=Delete").click());
        assertThat(page.locator("#users")).not().containsText(agent.email());

        long adminId = 0;
        for (var user : business.admin().get("/api/v1/users").expect(200).json()) {
            if (user.get("email").asString().startsWith("admin@")) {
                adminId = user.get("id").asLong();
            }
        }
        org.assertj.core.api.Assertions.assertThat(business.admin().delete("/api/v1/users/" + adminId).expect(409)
                .json().get("detail").asString()).contains("your own account");
    }

    @Test
    void hotlinesWorkingHoursGroupsAndContactsNameWhatDependsOnThem() {
        TestBusiness business = api.newBusiness("confirm-settings");
        CampaignFixtures fixtures = new CampaignFixtures(business);
        long an = business.admin().post("/api/v1/contacts", Map.of("name", "Ông An", "phones", List.of("0912000801")))
                .expect(201).id();
        long group = business.admin().post("/api/v1/customer-groups", Map.of("name", "Khách VIP")).expect(201).id();
        business.admin().post("/api/v1/customer-groups/" + group + "/members", Map.of("contactIds", List.of(an)));
        Page page = signedInAsAdmin(business);

        page.navigate("/settings/hotlines");
        String hotline = answer(page, false, () -> page.click("#hotlines >> text=Delete"));
        org.assertj.core.api.Assertions.assertThat(hotline).contains("Main line").contains("+84").contains("campaign");

        page.navigate("/settings/working-hours");
        String hours = answer(page, false, () -> page.click("#schedules >> text=Delete"));
        org.assertj.core.api.Assertions.assertThat(hours).contains("Office hours").contains("campaign");

        page.navigate("/customer-groups");
        String groups = answer(page, false, () -> page.click("text=Delete"));
        org.assertj.core.api.Assertions.assertThat(groups).contains("Khách VIP").contains("Its contact stays");
        assertThat(page.locator("body")).containsText("Khách VIP");

        page.navigate("/contacts");
        String contact = answer(page, false, () -> page.click("text=Delete"));
        org.assertj.core.api.Assertions.assertThat(contact).contains("Ông An");
        assertThat(page.locator("body")).containsText("Ông An");
        org.assertj.core.api.Assertions.assertThat(fixtures.hotlineId).isPositive();
    }

    @Test
    void aRecordingIsErasedFromTheCampaignPageOnlyOnceTheAdminAgrees() {
        TestBusiness business = api.newBusiness("confirm-recordings");
        long campaign = new CampaignFixtures(business).create("Recorded", "MANUAL");
        String call = TestRecordings.answeredCall(db, business.id(), campaign, OffsetDateTime.now());
        TestRecordings.keep(recordings, call, new byte[] {'R', 'I', 'F', 'F'}, Duration.ofSeconds(5));
        Page page = signedInAsAdmin(business);
        page.navigate("/campaigns/" + campaign);
        var row = page.locator("#campaign-recording-list tr[data-call='" + call + "']");
        assertThat(row).hasCount(1);

        String asked = answer(page, false, () -> row.locator("text=Delete").click());
        org.assertj.core.api.Assertions.assertThat(asked).contains("+84912345678").contains("cannot be brought back");
        assertThat(row).hasCount(1);

        answer(page, true, () -> row.locator("text=Delete").click());
        assertThat(row).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(business.admin().get("/api/v1/calls/" + call + "/recording").status())
                .isEqualTo(404);
    }

    /** Clicks, answers the question the page asks, and returns it. */
    private static String answer(Page page, boolean accept, Runnable click) {
        AtomicReference<String> asked = new AtomicReference<>();
        page.onceDialog(dialog -> {
            asked.set(dialog.message());
            if (accept) {
                dialog.accept();
            } else {
                dialog.dismiss();
            }
        });
        click.run();
        page.waitForLoadState();
        org.assertj.core.api.Assertions.assertThat(asked.get()).as("the page asked before deleting").isNotNull();
        return asked.get();
    }
}
