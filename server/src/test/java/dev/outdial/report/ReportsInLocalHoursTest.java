package dev.outdial.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Figures read per hour or per day are the business's clock hours and dates, not UTC's: in Kolkata
 * (+05:30) an hour of the supervisor's clock straddles two UTC hours, and in New York a month's
 * days start at a midnight whose offset changes with daylight saving time.
 */
@OutdialIntegrationTest
class ReportsInLocalHoursTest {

    @Autowired
    Api api;
    @Autowired
    JdbcClient db;

    @Test
    void dialsPerHourCountsTheHoursOfTheBusinesssClockInAHalfHourZone() {
        TestBusiness business = inZone("kolkata", "Asia/Kolkata");
        CampaignFixtures fixtures = new CampaignFixtures(business);
        long campaign = fixtures.create("Kolkata calls", "MANUAL");
        // 10:20 and 10:40 in Kolkata: one hour of its clock, but 04:50 and 05:10 UTC, two hours of UTC's.
        call(business, campaign, fixtures.agent.id(), "2026-03-02T10:20:00+05:30");
        call(business, campaign, fixtures.agent.id(), "2026-03-02T10:40:00+05:30");
        // 13:00 and 13:59: one hour of both clocks.
        call(business, campaign, fixtures.agent.id(), "2026-03-02T13:00:00+05:30");
        call(business, campaign, fixtures.agent.id(), "2026-03-02T13:59:00+05:30");

        JsonNode report = business.admin().get("/api/v1/reports/campaigns?from=2026-03-02&to=2026-03-02")
                .expect(200).json();

        assertThat(report.get("campaigns").get(0).get("dialsPerHour").asDouble())
                .as("4 calls in the hours 10 and 13 of Kolkata (UTC's 04, 05, 07 and 08 would make it 1)").isEqualTo(2.0);
        assertThat(report.get("total").get("dialsPerHour").asDouble()).isEqualTo(2.0);
        JsonNode agents = business.admin().get("/api/v1/reports/agents?from=2026-03-02&to=2026-03-02")
                .expect(200).json();
        assertThat(agents.get("total").get("dialsPerHour").asDouble()).isEqualTo(2.0);
    }

    @Test
    void aQuotaCountsTheBusinesssDatesAfterTheClocksGoForward() {
        TestBusiness business = inZone("newyork", "America/New_York");
        CampaignFixtures fixtures = new CampaignFixtures(business);
        long campaign = fixtures.create("New York calls", "MANUAL");
        long agent = fixtures.agent.id();
        // The clocks went forward on 8 March. 9 March at noon and 10 March at 00:30 are two days in New York;
        // with the offset of 1 March (−05:00), 10 March 00:30 −04:00 would still be 9 March.
        received(agent, campaign, "2026-03-09T12:00:00-04:00", 3);
        received(agent, campaign, "2026-03-10T00:30:00-04:00", 2);

        JsonNode report = business.admin().get("/api/v1/reports/agents?from=2026-03-01&to=2026-03-31")
                .expect(200).json();

        JsonNode row = report.get("agents").valueStream().filter(r -> r.get("agentId").asLong() == agent).findFirst()
                .orElseThrow();
        assertThat(row.get("customersReceived").asLong()).isEqualTo(5);
        assertThat(row.get("quotaCustomers").asLong()).as("two days of the agent's own quota of 50").isEqualTo(100);
    }

    private TestBusiness inZone(String label, String zone) {
        TestBusiness business = api.newBusiness(label);
        business.admin().put("/api/v1/business", Map.of("timeZone", zone)).expect(200);
        return business;
    }

    private void call(TestBusiness business, long campaignId, long agentId, String dialing) {
        OffsetDateTime dialed = OffsetDateTime.parse(dialing);
        db.sql("""
                insert into call_record (id, business_id, campaign_id, customer_id, dialed_number, hotline, agent_id,
                    queued_at, dialing_at, ended_at, result)
                values (:id, :business, :campaign, 1, '+84912345678', '+842873001000', :agent, :dialing, :dialing,
                    :ended, 'NOANSWER')
                """)
                .param("id", "test-" + UUID.randomUUID()).param("business", business.id())
                .param("campaign", campaignId).param("agent", agentId).param("dialing", dialed)
                .param("ended", dialed.plusSeconds(30)).update();
    }

    private void received(long agentId, long campaignId, String at, int customers) {
        for (int i = 0; i < customers; i++) {
            db.sql("insert into agent_receipt (agent_id, campaign_id, customer_id, received_at) values (?, ?, ?, ?)")
                    .params(agentId, campaignId, 1000L + i, OffsetDateTime.parse(at).plusMinutes(i)).update();
        }
    }
}
