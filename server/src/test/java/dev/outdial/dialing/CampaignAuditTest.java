package dev.outdial.dialing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.shared.SqlTime;
import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.time.Instant;
import java.util.HashMap;
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
        Map<String, Integer> byRule = new HashMap<>();
        report.get("rules").forEach(rule -> byRule.put(rule.get("rule").asString(), rule.get("violations").asInt()));
        assertThat(byRule).containsEntry("CUSTOMER_ON_TWO_CALLS", 1).containsEntry("LISTED_NUMBER_DIALED", 1)
                .containsEntry("BUSINESS_LIMIT_EXCEEDED", 1).containsEntry("CALL_LEFT_OPEN", 1)
                .containsEntry("OUTSIDE_HOURS", 0);
        assertThat(report.get("violations").asInt()).isEqualTo(4);
        assertThat(report.get("calls").asInt()).isEqualTo(5);
        assertThat(report.get("rules").findValues("examples").toString()).contains("audit-c-" + campaign.campaignId)
                .contains("BLACKLIST");

        campaign.fixtures.agent.client().get("/api/v1/campaigns/" + campaign.campaignId + "/audit").expect(403);
        api.newBusiness("Elsewhere").admin().get("/api/v1/campaigns/" + campaign.campaignId + "/audit").expect(404);
    }

    private static JsonNode audit(TestBusiness business, DialingScenario campaign) {
        return business.admin().get("/api/v1/campaigns/" + campaign.campaignId + "/audit").expect(200).json();
    }

    private void call(DialingScenario campaign, String name, long customer, String number, Instant dialed, Instant ended) {
        db.sql("""
                insert into call_record (id, business_id, campaign_id, customer_id, dialed_number, hotline, queued_at,
                    dialing_at, ended_at, result)
                values (:id, :business, :campaign, :customer, :number, '+842873000000', :dialed, :dialed, :ended, :result)
                """)
                .param("id", "audit-" + name + "-" + campaign.campaignId).param("business", campaign.business.id())
                .param("campaign", campaign.campaignId).param("customer", customer).param("number", number)
                .param("dialed", SqlTime.toSql(dialed)).param("ended", ended == null ? null : SqlTime.toSql(ended))
                .param("result", ended == null ? null : "NOANSWER").update();
    }
}
