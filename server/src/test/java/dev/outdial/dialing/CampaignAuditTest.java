package dev.outdial.dialing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.shared.SqlTime;
import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.time.Duration;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18: {@code GET /api/v1/campaigns/{id}/audit} checks the call records against the
 * compliance rules. The records here are written as a faulty dialer would have left them; the
 * audit finds each breach under its rule, and nothing where the rules were kept (a number dialed
 * after it was taken off the blacklist is fine).
 */
@OutdialIntegrationTest
class CampaignAuditTest {

    @Autowired
    Api api;

    @Autowired
    JdbcClient db;

    @Test
    void eachBrokenRuleIsCountedWithItsExamplesAndOnlyAdminsOfTheBusinessSeeIt() {
        TestBusiness business = api.newBusiness("Audit", 2);
        DialingScenario campaign = DialingScenario.running(business, "MANUAL", Map.of());
        campaign.business.admin().post("/api/v1/campaigns/" + campaign.campaignId + "/pause").expect(200);
        long twice = campaign.add("+84917010001").getFirst();
        long listed = campaign.add("+84917010002").getFirst();
        long unlisted = campaign.add("+84917010003").getFirst();
        Instant now = Instant.now();
        business.admin().post("/api/v1/blacklist", Map.of("number", "+84917010002")).expect(201);
        long removed = business.admin().post("/api/v1/blacklist", Map.of("number", "+84917010003")).expect(201).id();
        business.admin().delete("/api/v1/blacklist/" + removed).expect(204);

        assertThat(audit(business, campaign).get("violations").asInt()).as("no calls yet").isZero();

        // The same customer on two calls at once: with the call to the listed number, three calls open, over the limit of 2.
        call(campaign, "a", twice, "+84917010001", now.plusSeconds(1), now.plusSeconds(60));
        call(campaign, "b", twice, "+84917010001", now.plusSeconds(2), now.plusSeconds(30));
        call(campaign, "c", listed, "+84917010002", now.plusSeconds(3), now.plusSeconds(20));
        call(campaign, "d", unlisted, "+84917010003", now.plusSeconds(100), now.plusSeconds(120));
        // Still open, its customer not on a call: left open by a node that died.
        call(campaign, "e", unlisted, "+84917010003", now.plusSeconds(200), null);

        JsonNode report = audit(business, campaign);
        assertThat(violationsByRule(report)).containsEntry("CUSTOMER_ON_TWO_CALLS", 1).containsEntry("LISTED_NUMBER_DIALED", 1)
                .containsEntry("BUSINESS_LIMIT_EXCEEDED", 1).containsEntry("CALL_LEFT_OPEN", 1)
                .containsEntry("OUTSIDE_HOURS", 0);
        assertThat(report.get("violations").asInt()).isEqualTo(4);
        assertThat(report.get("calls").asInt()).isEqualTo(5);
        assertThat(report.get("rules").findValues("examples").toString()).contains("audit-c-" + campaign.campaignId)
                .contains("BLACKLIST");

        campaign.fixtures.agent.client().get("/api/v1/campaigns/" + campaign.campaignId + "/audit").expect(403);
        api.newBusiness("Elsewhere").admin().get("/api/v1/campaigns/" + campaign.campaignId + "/audit").expect(404);
    }

    @Test
    void aCallPastTheMaximumOfItsContactCycleIsFoundAndACallbackStartsANewCycle() {
        TestBusiness business = api.newBusiness("AuditCycles", 5);
        DialingScenario campaign = paused(business, "MANUAL", Map.of("maxCallsPerCustomer", 2, "retryGapMinutes", 0));
        List<Long> customers = campaign.add("+84917020001", "+84917020002", "+84917020003");
        Instant base = Instant.now().minus(Duration.ofMinutes(50));
        long pastMax = customers.get(0);
        long calledBack = customers.get(1);
        long hotlineFailed = customers.get(2);
        call(campaign, "max-1", pastMax, base, 0, "NOANSWER", null);
        call(campaign, "max-2", pastMax, base, 1, "BUSY", null);
        // The third call of a cycle of at most two: the one breach.
        call(campaign, "max-3", pastMax, base, 2, "NOANSWER", null);
        // A reached call whose agent set a callback starts a new cycle: four calls, never two unanswered in one.
        call(campaign, "back-1", calledBack, base, 10, "NOANSWER", null);
        call(campaign, "back-2", calledBack, base, 11, "SUCCESS", "CALLBACK");
        call(campaign, "back-3", calledBack, base, 12, "NOANSWER", null);
        call(campaign, "back-4", calledBack, base, 13, "NOANSWER", null);
        // The business's own errors consume no attempt.
        call(campaign, "error-1", hotlineFailed, base, 20, "HOTLINE_ERROR", null);
        call(campaign, "error-2", hotlineFailed, base, 21, "NETWORK_ERROR", null);
        call(campaign, "error-3", hotlineFailed, base, 22, "NOANSWER", null);
        call(campaign, "error-4", hotlineFailed, base, 23, "NOANSWER", null);

        JsonNode report = audit(business, campaign);

        assertThat(violationsByRule(report)).containsEntry("MAX_CALLS_PER_CYCLE", 1);
        assertThat(report.get("violations").asInt()).as(report.toString()).isEqualTo(1);
        assertThat(report.get("rules").findValues("examples").toString()).contains("audit-max-3-" + campaign.campaignId);
        assertThat(report.get("notChecked")).isEmpty();
    }

    @Test
    void aRetrySoonerThanTheGapIsFoundInASystemDialedCampaignButAnAgentMayRedialAtOnce() {
        TestBusiness business = api.newBusiness("AuditGaps", 5);
        DialingScenario progressive = paused(business, "PROGRESSIVE", Map.of("maxCallsPerCustomer", 5, "retryGapMinutes", 30));
        List<Long> customers = progressive.add("+84917030001", "+84917030002", "+84917030003", "+84917030004");
        Instant base = Instant.now().minus(Duration.ofMinutes(58));
        // Ten minutes after an unanswered call, with a gap of thirty: the one breach.
        call(progressive, "soon-1", customers.get(0), base, 0, "NOANSWER", null);
        call(progressive, "soon-2", customers.get(0), base, 10, "NOANSWER", null);
        call(progressive, "late-1", customers.get(1), base, 0, "BUSY", null);
        call(progressive, "late-2", customers.get(1), base, 31, "NOANSWER", null);
        // A callback appointment is kept at its time, whatever the gap.
        call(progressive, "appointment-1", customers.get(2), base, 0, "SUCCESS", "CALLBACK");
        call(progressive, "appointment-2", customers.get(2), base, 5, "NOANSWER", null);
        call(progressive, "error-1", customers.get(3), base, 0, "HOTLINE_ERROR", null);
        call(progressive, "error-2", customers.get(3), base, 31, "NOANSWER", null);
        DialingScenario manual = progressive.another("MANUAL", Map.of("maxCallsPerCustomer", 5, "retryGapMinutes", 30),
                DialingScenario.allWeek());
        business.admin().post("/api/v1/campaigns/" + manual.campaignId + "/pause").expect(200);
        long redialed = manual.add("+84917030005").getFirst();
        call(manual, "redial-1", redialed, base, 40, "NOANSWER", null);
        call(manual, "redial-2", redialed, base, 41, "NOANSWER", null);

        JsonNode report = audit(business, progressive);

        assertThat(violationsByRule(report)).containsEntry("RETRY_GAP", 1);
        assertThat(report.get("violations").asInt()).as(report.toString()).isEqualTo(1);
        assertThat(report.get("rules").findValues("examples").toString()).contains("audit-soon-2-" + progressive.campaignId);
        assertThat(audit(business, manual).get("violations").asInt()).as("manual: no gap").isZero();
    }

    @Test
    void eachCallIsJudgedByTheSettingsAndHoursInForceWhenItWasPlaced() {
        TestBusiness business = api.newBusiness("AuditHistory", 5);
        DialingScenario campaign = paused(business, "PROGRESSIVE", Map.of("maxCallsPerCustomer", 3, "retryGapMinutes", 0));
        List<Long> customers = campaign.add("+84917040001", "+84917040002", "+84917040003");
        Instant before = Instant.now().minus(Duration.ofMinutes(40));
        // Under the first settings (three calls a cycle, no gap, open all week) all of these are fine.
        call(campaign, "a-1", customers.get(0), before, 0, "NOANSWER", null);
        call(campaign, "a-2", customers.get(0), before, 1, "NOANSWER", null);
        call(campaign, "b-1", customers.get(1), before, 2, "NOANSWER", null);
        call(campaign, "b-2", customers.get(1), before, 3, "BUSY", null);
        call(campaign, "c-1", customers.get(2), before, 4, "NOANSWER", null);
        call(campaign, "c-2", customers.get(2), before, 5, "NOANSWER", null);
        call(campaign, "c-3", customers.get(2), before, 6, "NOANSWER", null);
        assertThat(audit(business, campaign).get("violations").asInt()).isZero();

        // Then two calls a cycle, a gap of an hour, and hours closed today.
        Map<String, Object> edited = campaign.fixtures.editable(campaign.campaignId);
        edited.put("maxCallsPerCustomer", 2);
        edited.put("retryGapMinutes", 60);
        business.admin().put("/api/v1/campaigns/" + campaign.campaignId, edited).expect(200);
        long hours = campaign.workingHoursId();
        business.admin().put("/api/v1/working-hours/" + hours, Map.of("name", "Closed today " + hours,
                "week", DialingScenario.closedToday(), "holidays", List.of())).expect(200);
        assertThat(audit(business, campaign).get("violations").asInt()).as("the calls before the change").isZero();

        // A third call of the cycle, placed after the change, inside today's (now closed) hours.
        call(campaign, "a-3", customers.get(0), Instant.now(), 1, "NOANSWER", null);

        JsonNode report = audit(business, campaign);
        assertThat(violationsByRule(report)).containsEntry("MAX_CALLS_PER_CYCLE", 1).containsEntry("OUTSIDE_HOURS", 1)
                .containsEntry("RETRY_GAP", 0);
        assertThat(report.get("violations").asInt()).as(report.toString()).isEqualTo(2);
        assertThat(report.get("rules").findValues("examples").toString()).contains("audit-a-3-" + campaign.campaignId)
                .doesNotContain("audit-c-3-").doesNotContain("audit-b-2-");
    }

    @Test
    void callsAreJudgedByTheBusinesssTimeZoneInForceWhenTheyWereDialedNotByTheOneChosenSince() {
        TestBusiness business = api.newBusiness("AuditZones", 5);
        Map<String, Object> officeHours = new HashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            officeHours.put(day.name(), List.of(List.of("08:00", "17:00")));
        }
        DialingScenario campaign = DialingScenario.running(business, "PROGRESSIVE", Map.of("maxCallsPerCustomer", 5,
                "retryGapMinutes", 0, "startTime", OffsetDateTime.now(ZoneOffset.UTC).minusDays(4).toString()), officeHours);
        business.admin().post("/api/v1/campaigns/" + campaign.campaignId + "/pause").expect(200);
        List<Long> customers = campaign.add("+84917050001", "+84917050002");
        LocalDate twoDaysAgo = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(2);
        // In Ho Chi Minh City's office hours (03:00 UTC), and after them (20:00 there, 13:00 UTC): the one breach.
        Instant inHours = twoDaysAgo.atTime(10, 0).atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant();
        Instant afterHours = twoDaysAgo.atTime(20, 0).atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant();
        call(campaign, "in-hours", customers.get(0), inHours, 0, "NOANSWER", null);
        call(campaign, "after-hours", customers.get(1), afterHours, 0, "NOANSWER", null);
        assertThat(violationsByRule(audit(business, campaign))).containsEntry("OUTSIDE_HOURS", 1);

        // The business moves to New York: 03:00 UTC is 22:00 or 23:00 there, 13:00 UTC is 08:00 or 09:00.
        business.admin().put("/api/v1/business", Map.of("timeZone", "America/New_York")).expect(200);
        // Dialed under the new zone, at 10:00 in New York tomorrow (22:00 or 23:00 in Ho Chi Minh City): fine.
        Instant newYorkMorning = LocalDate.now(ZoneId.of("America/New_York")).plusDays(1).atTime(10, 0)
                .atZone(ZoneId.of("America/New_York")).toInstant();
        call(campaign, "new-york", customers.get(0), newYorkMorning, 0, "NOANSWER", null);

        JsonNode report = audit(business, campaign);
        assertThat(violationsByRule(report)).as(report.toString()).containsEntry("OUTSIDE_HOURS", 1);
        assertThat(report.get("violations").asInt()).as(report.toString()).isEqualTo(1);
        assertThat(report.get("rules").findValues("examples").toString())
                .contains("audit-after-hours-" + campaign.campaignId).doesNotContain("audit-in-hours-")
                .doesNotContain("audit-new-york-");
    }

    private static JsonNode audit(TestBusiness business, DialingScenario campaign) {
        return business.admin().get("/api/v1/campaigns/" + campaign.campaignId + "/audit").expect(200).json();
    }

    private void call(DialingScenario campaign, String name, long customer, String number, Instant dialed, Instant ended) {
        call(campaign, name, customer, number, dialed, ended, ended == null ? null : "NOANSWER", null);
    }

    /** A call record as the dialer writes it: {@code result} null while open, {@code disposition} an agent's word. */
    private void call(DialingScenario campaign, String name, long customer, String number, Instant dialed, Instant ended,
                      String result, String disposition) {
        db.sql("""
                insert into call_record (id, business_id, campaign_id, customer_id, dialed_number, hotline, queued_at,
                    dialing_at, ended_at, result, disposition)
                values (:id, :business, :campaign, :customer, :number, '+842873000000', :dialed, :dialed, :ended, :result,
                    :disposition)
                """)
                .param("id", "audit-" + name + "-" + campaign.campaignId).param("business", campaign.business.id())
                .param("campaign", campaign.campaignId).param("customer", customer).param("number", number)
                .param("dialed", SqlTime.toSql(dialed)).param("ended", ended == null ? null : SqlTime.toSql(ended))
                .param("result", result).param("disposition", disposition).update();
    }

    /** A failed or reached call of 20 s, dialed {@code minutes} from {@code base}. */
    private void call(DialingScenario campaign, String name, long customer, Instant base, double minutes, String result,
                      String disposition) {
        Instant dialed = base.plusSeconds(Math.round(minutes * 60));
        String number = campaign.customer(customer).get("phones").get(0).asString();
        call(campaign, name, customer, number, dialed, dialed.plusSeconds(20), result, disposition);
    }

    private static Map<String, Integer> violationsByRule(JsonNode report) {
        Map<String, Integer> byRule = new HashMap<>();
        report.get("rules").forEach(rule -> byRule.put(rule.get("rule").asString(), rule.get("violations").asInt()));
        return byRule;
    }

    /** A campaign paused at once, so only the records written here are its calls. */
    private static DialingScenario paused(TestBusiness business, String dialMode, Map<String, Object> settings) {
        DialingScenario campaign = DialingScenario.running(business, dialMode, settings);
        business.admin().post("/api/v1/campaigns/" + campaign.campaignId + "/pause").expect(200);
        return campaign;
    }
}
