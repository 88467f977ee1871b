package dev.outdial.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.outdial.testing.Api;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The campaign and agent reports over hand-made call records of a business in Asia/Ho_Chi_Minh
 * (UTC+7), one day: 2 March 2026. Each figure is worked out by hand in the comments.
 */
@OutdialIntegrationTest
class ReportsApiTest {

    private static final String DAY = "from=2026-03-02&to=2026-03-02";

    @Autowired
    Api api;
    @Autowired
    JdbcClient db;

    TestBusiness business;
    CampaignFixtures fixtures;
    long renewals;
    long survey;
    long interested;
    long notInterested;

    @BeforeEach
    void givenTwoCampaignsWithCallsOnTheSecondOfMarch() {
        business = api.newBusiness("reports");
        fixtures = new CampaignFixtures(business);
        renewals = fixtures.create("Renewals", "MANUAL"); // daily quota 80, caller-one's own 50
        survey = fixtures.create("Survey", "MANUAL");
        JsonNode classes = business.admin().get("/api/v1/call-classifications").expect(200).json();
        interested = classificationId(classes, "INTERESTED");
        notInterested = classificationId(classes, "NOT_INTERESTED");
        long one = fixtures.agent.id();
        long two = fixtures.secondAgent.id();

        // Renewals: 6 calls in the hours 00, 09 and 10 of the business's day.
        call(renewals, two, "2026-03-02T00:30:00+07:00", null, null, "BUSY", null);
        call(renewals, one, "2026-03-02T09:05:00+07:00", "09:05:20", "09:07:20", "SUCCESS", interested);
        call(renewals, one, "2026-03-02T09:40:00+07:00", "09:40:10", "09:41:10", "SUCCESS", notInterested);
        call(renewals, null, "2026-03-02T10:10:00+07:00", null, "10:10:30", "ABANDONED", null);
        call(renewals, two, "2026-03-02T10:30:00+07:00", null, "10:30:30", "NOANSWER", null);
        call(renewals, two, "2026-03-02T10:50:00+07:00", "10:50:00", "10:53:00", "SUCCESS", interested);
        // Survey: one call answered by a machine, hour 11.
        call(survey, one, "2026-03-02T11:00:00+07:00", null, "11:00:40", "MACHINE", null);
        // Outside the day in the business's zone (though 1 March 23:59 +07 is still 1 March in UTC as well,
        // and 3 March 00:10 +07 is 2 March 17:10 UTC).
        call(renewals, one, "2026-03-01T23:59:00+07:00", "23:59:10", "23:59:50", "SUCCESS", interested);
        call(renewals, one, "2026-03-03T00:10:00+07:00", "00:10:10", "00:11:10", "SUCCESS", interested);

        received(one, renewals, "2026-03-02T08:00:00+07:00", 5);
        received(two, renewals, "2026-03-02T08:00:00+07:00", 20);
        received(one, renewals, "2026-03-03T08:00:00+07:00", 10);
    }

    @Test
    void eachCampaignsCallsContactsTalkTimeClassificationsAbandonRateAndDialsPerHour() {
        JsonNode report = business.admin().get("/api/v1/reports/campaigns?" + DAY).expect(200).json();

        assertThat(report.get("campaigns").valueStream().map(row -> row.get("campaignName").asString()))
                .containsExactly("Renewals", "Survey");
        JsonNode first = report.get("campaigns").get(0);
        assertThat(first.get("campaignId").asLong()).isEqualTo(renewals);
        assertThat(first.get("calls").asLong()).isEqualTo(6);
        assertThat(first.get("contacts").asLong()).isEqualTo(3);
        assertThat(first.get("talkSeconds").asLong()).isEqualTo(120 + 60 + 180);
        assertThat(first.get("averageHandleSeconds").asLong()).isEqualTo(120);
        assertThat(first.get("abandonRate").asDouble()).as("1 abandoned of 4 answered by a person").isEqualTo(0.25);
        assertThat(first.get("dialsPerHour").asDouble()).as("6 calls in 3 hours").isEqualTo(2.0);
        assertThat(count(first, interested)).isEqualTo(2);
        assertThat(count(first, notInterested)).isEqualTo(1);

        JsonNode second = report.get("campaigns").get(1);
        assertThat(second.get("calls").asLong()).isEqualTo(1);
        assertThat(second.get("contacts").asLong()).isZero();
        assertThat(second.get("abandonRate").isNull()).as("nobody answered").isTrue();
        assertThat(second.get("averageHandleSeconds").isNull()).isTrue();

        JsonNode total = report.get("total");
        assertThat(total.get("calls").asLong()).isEqualTo(7);
        assertThat(total.get("dialsPerHour").asDouble()).as("7 calls in the hours 00, 09, 10, 11").isEqualTo(1.75);
        assertThat(count(total, interested)).isEqualTo(2);
    }

    @Test
    void holdTimeIsSummedPerCampaignAndAgentTwoHoldsOverlappingOnceAndAHoldLeftOnToTheCallsEnd() {
        String first = call(renewals, fixtures.agent.id(), "2026-03-02T09:20:00+07:00", "09:20:10", "09:25:10",
                "SUCCESS", interested);
        held(first, "2026-03-02T09:21:00+07:00", "HOLD", false);
        held(first, "2026-03-02T09:21:10+07:00", "HOLD", true);
        held(first, "2026-03-02T09:21:20+07:00", "UNHOLD", false);
        held(first, "2026-03-02T09:21:40+07:00", "UNHOLD", true);
        String second = call(renewals, fixtures.secondAgent.id(), "2026-03-02T10:40:00+07:00", "10:40:05",
                "10:43:05", "SUCCESS", interested);
        held(second, "2026-03-02T10:42:05+07:00", "HOLD", false);
        String nextDay = call(renewals, fixtures.agent.id(), "2026-03-03T09:00:00+07:00", "09:00:10", "09:05:10",
                "SUCCESS", interested);
        held(nextDay, "2026-03-03T09:01:00+07:00", "HOLD", false);

        JsonNode campaigns = business.admin().get("/api/v1/reports/campaigns?" + DAY).expect(200).json();
        assertThat(campaigns.get("campaigns").get(0).get("holdSeconds").asLong())
                .as("40 s on the first call, 60 s from the second's hold to its end").isEqualTo(100);
        assertThat(campaigns.get("campaigns").get(1).get("holdSeconds").asLong()).isZero();
        assertThat(campaigns.get("total").get("holdSeconds").asLong()).isEqualTo(100);

        JsonNode agents = business.admin().get("/api/v1/reports/agents?" + DAY).expect(200).json();
        assertThat(row(agents, fixtures.agent.id()).get("holdSeconds").asLong()).isEqualTo(40);
        assertThat(row(agents, fixtures.secondAgent.id()).get("holdSeconds").asLong()).isEqualTo(60);
        assertThat(agents.get("total").get("holdSeconds").asLong()).isEqualTo(100);
        assertThat(business.admin().get("/api/v1/reports/campaigns?from=2026-03-03&to=2026-03-03").expect(200).json()
                .get("total").get("holdSeconds").asLong()).as("the next day's call, 09:01:00 to its end").isEqualTo(250);
    }

    @Test
    void eachSidesLineQualityIsTheMeanOfTheCallsMeasuredWithThePoorOnesCounted() {
        long one = fixtures.agent.id();
        long two = fixtures.secondAgent.id();
        String first = call(renewals, one, "2026-03-02T09:10:00+07:00", "09:10:10", "09:12:10", "SUCCESS", null);
        measured(first, "CUSTOMER", 1000, 10, 4.3);
        measured(first, "AGENT", 1000, 50, 3.1);
        String second = call(renewals, one, "2026-03-02T09:50:00+07:00", "09:50:10", "09:51:10", "SUCCESS", null);
        measured(second, "CUSTOMER", 500, 0, 4.1);
        String third = call(renewals, two, "2026-03-02T10:20:00+07:00", "10:20:10", "10:22:10", "SUCCESS", null);
        measured(third, "CUSTOMER", 500, 40, 3.5);
        measured(third, "AGENT", 500, 0, 4.4);
        String abandoned = call(renewals, null, "2026-03-02T10:15:00+07:00", null, "10:15:30", "ABANDONED", null);
        measured(abandoned, "CUSTOMER", 100, 0, 4.4);
        String surveyed = call(survey, one, "2026-03-02T11:10:00+07:00", "11:10:10", "11:11:10", "SUCCESS", null);
        measured(surveyed, "CUSTOMER", 100, 0, 4.0);
        // the agent's phone, never measured, was lost: counted all the same
        db.sql("update call_record set how_ended = 'AGENT_LINE_LOST' where id = :id").param("id", surveyed).update();
        String nextDay = call(renewals, one, "2026-03-03T09:00:00+07:00", "09:00:10", "09:01:10", "SUCCESS", null);
        measured(nextDay, "CUSTOMER", 100, 100, 1.0);

        JsonNode campaigns = business.admin().get("/api/v1/reports/campaigns?" + DAY).expect(200).json();
        JsonNode renewal = campaigns.get("campaigns").get(0);
        assertLine(renewal.get("customerLine"), 4, (4.3 + 4.1 + 3.5 + 4.4) / 4, 1, 100.0 * 50 / 2100);
        assertLine(renewal.get("agentLine"), 2, (3.1 + 4.4) / 2, 1, 100.0 * 50 / 1500);
        JsonNode surveyLines = campaigns.get("campaigns").get(1);
        assertLine(surveyLines.get("customerLine"), 1, 4.0, 0, 0);
        assertThat(surveyLines.get("agentLine").get("calls").asLong()).as("no phone was measured").isZero();
        assertThat(surveyLines.get("agentLine").get("meanOpinionScore").isNull()).isTrue();
        assertThat(surveyLines.get("agentLine").get("lossPercent").isNull()).isTrue();
        assertThat(surveyLines.get("agentLine").get("linesLost").asLong()).isEqualTo(1);
        assertThat(surveyLines.get("customerLine").get("linesLost").asLong()).isZero();
        assertThat(renewal.get("agentLine").get("linesLost").asLong()).isZero();
        assertThat(campaigns.get("total").get("agentLine").get("linesLost").asLong()).isEqualTo(1);
        assertLine(campaigns.get("total").get("customerLine"), 5, (4.3 + 4.1 + 3.5 + 4.4 + 4.0) / 5, 1,
                100.0 * 50 / 2200);

        JsonNode agents = business.admin().get("/api/v1/reports/agents?" + DAY).expect(200).json();
        assertLine(row(agents, one).get("customerLine"), 3, (4.3 + 4.1 + 4.0) / 3, 0, 100.0 * 10 / 1600);
        assertLine(row(agents, one).get("agentLine"), 1, 3.1, 1, 5.0);
        assertLine(row(agents, two).get("customerLine"), 1, 3.5, 1, 8.0);
        assertLine(row(agents, two).get("agentLine"), 1, 4.4, 0, 0);
        assertLine(agents.get("total").get("customerLine"), 4, (4.3 + 4.1 + 4.0 + 3.5) / 4, 1, 100.0 * 50 / 2100);
        assertThat(row(agents, one).get("agentLine").get("linesLost").asLong()).as("the agent whose phone dropped")
                .isEqualTo(1);
        assertThat(row(agents, two).get("agentLine").get("linesLost").asLong()).isZero();

        JsonNode after = business.admin().get("/api/v1/reports/campaigns?from=2026-03-03&to=2026-03-03").expect(200)
                .json();
        assertLine(after.get("total").get("customerLine"), 1, 1.0, 1, 100);
        assertThat(api.newBusiness("otherlines").admin().get("/api/v1/reports/campaigns?" + DAY).expect(200).json()
                .get("total").get("customerLine").get("calls").asLong()).isZero();
    }

    @Test
    void eachAgentsCallsTalkTimeAndQuotaUse() {
        JsonNode report = business.admin().get("/api/v1/reports/agents?" + DAY).expect(200).json();

        JsonNode one = row(report, fixtures.agent.id());
        assertThat(one.get("calls").asLong()).isEqualTo(3);
        assertThat(one.get("contacts").asLong()).isEqualTo(2);
        assertThat(one.get("talkSeconds").asLong()).isEqualTo(180);
        assertThat(one.get("averageHandleSeconds").asLong()).isEqualTo(90);
        assertThat(one.get("dialsPerHour").asDouble()).as("3 calls in the hours 09 and 11").isEqualTo(1.5);
        assertThat(one.get("customersReceived").asLong()).isEqualTo(5);
        assertThat(one.get("quotaCustomers").asLong()).as("their own quota of 50, one day").isEqualTo(50);
        assertThat(one.get("quotaUse").asDouble()).isEqualTo(0.1);

        JsonNode two = row(report, fixtures.secondAgent.id());
        assertThat(two.get("calls").asLong()).isEqualTo(3);
        assertThat(two.get("contacts").asLong()).isEqualTo(1);
        assertThat(two.get("averageHandleSeconds").asLong()).isEqualTo(180);
        assertThat(two.get("quotaCustomers").asLong()).as("the campaign's quota of 80").isEqualTo(80);
        assertThat(two.get("quotaUse").asDouble()).isEqualTo(0.25);
        assertThat(count(two, interested)).isEqualTo(1);

        assertThat(report.get("total").get("calls").asLong()).as("the abandoned call had no agent").isEqualTo(6);
    }

    @Test
    void aQuotaCountsOncePerDayTheAgentReceivedCustomers() {
        JsonNode report = business.admin().get("/api/v1/reports/agents?from=2026-03-02&to=2026-03-09").expect(200).json();

        JsonNode one = row(report, fixtures.agent.id());
        assertThat(one.get("customersReceived").asLong()).isEqualTo(15);
        assertThat(one.get("quotaCustomers").asLong()).as("two days of 50").isEqualTo(100);
        assertThat(one.get("quotaUse").asDouble()).isCloseTo(0.15, within(1e-9));
        assertThat(one.get("calls").asLong()).as("and the call just after midnight").isEqualTo(4);
    }

    @Test
    void aCampaignFilterKeepsThatCampaignsCallsOnly() {
        JsonNode campaigns = business.admin().get("/api/v1/reports/campaigns?" + DAY + "&campaignId=" + survey)
                .expect(200).json();
        assertThat(campaigns.get("campaigns").valueStream().map(row -> row.get("campaignId").asLong()))
                .containsExactly(survey);
        assertThat(campaigns.get("total").get("calls").asLong()).isEqualTo(1);

        JsonNode agents = business.admin().get("/api/v1/reports/agents?" + DAY + "&campaignId=" + survey)
                .expect(200).json();
        assertThat(agents.get("agents").valueStream().map(row -> row.get("agentId").asLong()))
                .containsExactly(fixtures.agent.id());
        assertThat(agents.get("agents").get(0).get("customersReceived").asLong()).isZero();
        assertThat(agents.get("agents").get(0).get("quotaUse").isNull()).isTrue();
    }

    @Test
    void anotherBusinessSeesNoneOfItAndSupervisorsMayButAgentsMayNot() {
        TestBusiness other = api.newBusiness("otherreports");
        JsonNode campaigns = other.admin().get("/api/v1/reports/campaigns?" + DAY).expect(200).json();
        assertThat(campaigns.get("campaigns").isEmpty()).isTrue();
        assertThat(campaigns.get("total").get("calls").asLong()).isZero();
        assertThat(other.admin().get("/api/v1/reports/agents?" + DAY).expect(200).json().get("agents").isEmpty()).isTrue();
        assertThat(other.admin().get("/api/v1/reports/campaigns?" + DAY + "&campaignId=" + renewals).status())
                .isEqualTo(404);
        assertThat(other.admin().get("/api/v1/reports/agents?" + DAY + "&campaignId=" + renewals).status())
                .isEqualTo(404);

        Api.Client supervisor = business.person("SUPERVISOR", "boss").client();
        assertThat(supervisor.get("/api/v1/reports/campaigns?" + DAY).expect(200).json().get("total").get("calls")
                .asLong()).isEqualTo(7);
        assertThat(fixtures.agent.client().get("/api/v1/reports/agents?" + DAY).status()).isEqualTo(403);
    }

    @Test
    void aPeriodMustBeDatesInOrderAndAtMostAYearAndADay() {
        assertThat(fields("/api/v1/reports/campaigns")).containsExactly("from", "to");
        assertThat(fields("/api/v1/reports/campaigns?from=2026-03-05&to=2026-03-02")).containsExactly("to");
        assertThat(fields("/api/v1/reports/agents?from=2026-13-01&to=2026-03-02")).containsExactly("from");
        assertThat(fields("/api/v1/reports/agents?from=2025-03-01&to=2026-03-02")).containsExactly("to");
        business.admin().get("/api/v1/reports/agents?from=2025-03-02&to=2026-03-02").expect(200);
        Api.Response vietnamese = business.admin().withHeader("Accept-Language", "vi")
                .get("/api/v1/reports/campaigns?from=2026-03-05&to=2026-03-02");
        assertThat(vietnamese.json().get("errors").get(0).get("message").asString())
                .isEqualTo("không được trước ngày bắt đầu");
    }

    private java.util.List<String> fields(String path) {
        Api.Response answer = business.admin().get(path);
        assertThat(answer.status()).isEqualTo(400);
        return answer.json().get("errors").findValuesAsString("field");
    }

    private String call(long campaignId, Long agentId, String dialing, String connected, String ended, String result,
                        Long classification) {
        OffsetDateTime dialed = OffsetDateTime.parse(dialing);
        String id = "test-" + UUID.randomUUID();
        db.sql("""
                insert into call_record (id, business_id, campaign_id, customer_id, dialed_number, hotline, agent_id,
                    queued_at, dialing_at, answered_at, connected_at, ended_at, result, classification_id, disposition)
                values (:id, :business, :campaign, 1, '+84912345678', '+842873001000', :agent, :dialing, :dialing,
                    :connected, :connected, :ended, :result, :classification, :disposition)
                """)
                .param("id", id).param("business", business.id())
                .param("campaign", campaignId).param("agent", agentId).param("dialing", dialed)
                .param("connected", at(dialed, connected)).param("ended", at(dialed, ended))
                .param("result", result).param("classification", classification)
                .param("disposition", classification == null ? null : "DONE").update();
        return id;
    }

    /** The call's agent put its customer on hold ({@code HOLD}) or took them off, through Outdial or their phone. */
    private void held(String callId, String at, String kind, boolean byPhone) {
        db.sql("""
                insert into call_activity (business_id, call_id, done_at, kind, user_id, by_phone)
                values (:business, :call, :at, :kind, 1, :byPhone)""")
                .param("business", business.id()).param("call", callId).param("at", OffsetDateTime.parse(at))
                .param("kind", kind).param("byPhone", byPhone).update();
    }

    /** How one side's audio of the call reached Outdial ({@code CUSTOMER} or {@code AGENT}), as sip mode keeps it. */
    private void measured(String callId, String side, long expected, long lost, double score) {
        db.sql("""
                insert into call_quality (call_id, side, business_id, packets_expected, packets_lost, jitter_mean_ms,
                                          jitter_max_ms, mean_opinion)
                values (:call, :side, :business, :expected, :lost, 5, 20, :score)""")
                .param("call", callId).param("side", side).param("business", business.id())
                .param("expected", expected).param("lost", lost).param("score", score).update();
    }

    private static void assertLine(JsonNode line, long calls, double meanScore, long poorCalls, double lossPercent) {
        assertThat(line.get("calls").asLong()).as("calls measured in %s", line).isEqualTo(calls);
        assertThat(line.get("meanOpinionScore").asDouble()).as("mean score").isCloseTo(meanScore, within(1e-9));
        assertThat(line.get("poorCalls").asLong()).as("poor calls").isEqualTo(poorCalls);
        assertThat(line.get("lossPercent").asDouble()).as("loss").isCloseTo(lossPercent, within(1e-9));
    }

    /** The clock time {@code hh:mm:ss} on the day of {@code dialed}, or null. */
    private static OffsetDateTime at(OffsetDateTime dialed, String time) {
        return time == null ? null : OffsetDateTime.of(dialed.toLocalDate(), java.time.LocalTime.parse(time),
                dialed.getOffset());
    }

    private void received(long agentId, long campaignId, String at, int customers) {
        for (int i = 0; i < customers; i++) {
            db.sql("insert into agent_receipt (agent_id, campaign_id, customer_id, received_at) values (?, ?, ?, ?)")
                    .params(agentId, campaignId, 1000L + i, OffsetDateTime.parse(at).plusMinutes(i)).update();
        }
    }

    private static long classificationId(JsonNode classes, String code) {
        return classes.valueStream().filter(c -> c.get("code").asString().equals(code)).findFirst().orElseThrow()
                .get("id").asLong();
    }

    private static long count(JsonNode figures, long classificationId) {
        return figures.get("classifications").valueStream().filter(c -> c.get("id").asLong() == classificationId)
                .mapToLong(c -> c.get("calls").asLong()).sum();
    }

    private static JsonNode row(JsonNode report, long agentId) {
        return report.get("agents").valueStream().filter(row -> row.get("agentId").asLong() == agentId).findFirst()
                .orElseThrow(() -> new AssertionError("no row for agent " + agentId + " in " + report));
    }
}
