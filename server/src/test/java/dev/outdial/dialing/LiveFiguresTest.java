package dev.outdial.dialing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.dialing.internal.AgentSessions;
import dev.outdial.dialing.internal.EngineThread;
import dev.outdial.dialing.internal.LiveDialers;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.pacing.AgentDesk;
import dev.outdial.shared.SqlTime;
import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 8: the live figures of a campaign and of its business, against a state made by hand —
 * calls in each phase, agents in each state, today's calls and the campaign's tally — and who may
 * read them.
 */
@OutdialIntegrationTest
class LiveFiguresTest {

    @Autowired
    Api api;
    @Autowired
    JdbcClient db;
    @Autowired
    AgentSessions sessions;
    @Autowired
    LiveDialers dialers;
    @Autowired
    EngineThread engine;

    @Test
    void aCampaignsLiveFiguresCountEachCallPhaseAndAgentStateAndItsRates() {
        // given a running campaign of four customers and four agents, one in each state
        TestBusiness business = api.newBusiness("live-figures");
        TestBusiness.Person available = business.agent("live-available");
        TestBusiness.Person onCall = business.agent("live-on-call");
        TestBusiness.Person wrappingUp = business.agent("live-wrap-up");
        TestBusiness.Person away = business.agent("live-away");
        List<Long> agents = List.of(available.id(), onCall.id(), wrappingUp.id(), away.id());
        DialingScenario campaign = DialingScenario.running(business, "MANUAL",
                Map.of("agentIds", agents, "agentQuotas", Map.of()));
        List<Long> customers = campaign.add("+84912460001", "+84912460002", "+84912460003", "+84912460004");
        deactivate(business, campaign.fixtures.agent, campaign.fixtures.secondAgent);
        AgentDesk desk = deskOf(business.id());
        agentIs(available, true, campaign.campaignId);
        agentIs(onCall, true, campaign.campaignId);
        agentIs(wrappingUp, true, campaign.campaignId);
        agentIs(away, false, campaign.campaignId);
        engine.call(business.id(), () -> {
            desk.hold(agentId(onCall), campaign.campaignId, customers.getFirst());
            desk.startWrapUp(agentId(wrappingUp), engine.now().plus(Duration.ofHours(1)));
            return null;
        });
        // and open calls in each phase, today's ended calls, an old one, and the campaign's tally
        Instant now = Instant.now();
        // Ten minutes ago, but never before the business's midnight: "today" counts from it.
        Instant midnight = now.atZone(ZoneId.of("Asia/Ho_Chi_Minh")).truncatedTo(ChronoUnit.DAYS).toInstant();
        Instant tenMinutesAgo = Collections.max(List.of(now.minus(Duration.ofMinutes(10)), midnight));
        call(business, campaign, tenMinutesAgo, null, null, null, null);
        call(business, campaign, tenMinutesAgo, tenMinutesAgo, null, null, null);
        call(business, campaign, tenMinutesAgo, tenMinutesAgo, null, null, null);
        call(business, campaign, tenMinutesAgo, tenMinutesAgo, tenMinutesAgo, null, null);
        for (int i = 0; i < 3; i++) {
            call(business, campaign, tenMinutesAgo, tenMinutesAgo, tenMinutesAgo, tenMinutesAgo, "TALKING");
        }
        for (String result : List.of("SUCCESS", "SUCCESS", "SUCCESS", "ABANDONED", "NOANSWER", "NOANSWER")) {
            call(business, campaign, tenMinutesAgo, tenMinutesAgo, null, null, result);
        }
        call(business, campaign, now.minus(Duration.ofDays(2)), null, null, null, "ABANDONED");
        db.sql("""
                insert into live_campaign_calls (campaign_id, business_id, slot, dials, contacts, abandoned)
                values (:campaign, :business, 0, 20, 9, 1)
                """).param("campaign", campaign.campaignId).param("business", business.id()).update();

        try {
            // when an admin reads the campaign's live figures
            JsonNode live = business.admin().get("/api/v1/campaigns/" + campaign.campaignId + "/live").expect(200).json();

            // then every phase and state is counted, today's and the campaign's rates are apart
            assertThat(live.get("calls").get("dialing").asInt()).isEqualTo(1);
            assertThat(live.get("calls").get("ringing").asInt()).isEqualTo(2);
            assertThat(live.get("calls").get("waitingForAgent").asInt()).isEqualTo(1);
            assertThat(live.get("calls").get("talking").asInt()).isEqualTo(3);
            assertThat(live.get("calls").get("total").asInt()).isEqualTo(7);
            assertThat(live.get("agents").get("available").asInt()).isEqualTo(1);
            assertThat(live.get("agents").get("onCall").asInt()).isEqualTo(1);
            assertThat(live.get("agents").get("wrapUp").asInt()).isEqualTo(1);
            assertThat(live.get("agents").get("notAvailable").asInt()).isEqualTo(1);
            // 13 dialed ten minutes ago (7 still open), 3 reached, 1 abandoned: 1 ÷ (3 + 1)
            assertThat(live.get("today").get("dials").asLong()).isEqualTo(13);
            assertThat(live.get("lastHour").get("dials").asLong()).isEqualTo(13);
            assertThat(live.get("lastHour").get("contacts").asLong()).isEqualTo(3);
            assertThat(live.get("abandonRate").get("today").asDouble()).isEqualTo(0.25);
            // the tally: 20 calls, 9 reached, 1 abandoned, over 4 customers
            assertThat(live.get("abandonRate").get("campaign").asDouble()).isEqualTo(0.1);
            assertThat(live.get("attemptsPerCustomer").asDouble()).isEqualTo(5.0);
            assertThat(live.get("customers").asLong()).isEqualTo(4);
            assertThat(live.get("completion").get("state").asString()).isEqualTo("UNKNOWN");
            assertThat(live.get("completion").get("remaining").asLong()).isEqualTo(4);

            // and the business's figures hold the same calls and agents, and list the campaign
            JsonNode whole = business.admin().get("/api/v1/live").expect(200).json();
            assertThat(whole.get("calls").get("total").asInt()).isEqualTo(7);
            assertThat(whole.get("agents").get("onCall").asInt()).isEqualTo(1);
            assertThat(whole.get("agents").get("wrapUp").asInt()).isEqualTo(1);
            assertThat(whole.get("agents").get("available").asInt()).isEqualTo(1);
            assertThat(whole.get("agents").get("notAvailable").asInt()).isEqualTo(1);
            assertThat(whole.get("abandonRate").get("today").asDouble()).isEqualTo(0.25);
            assertThat(whole.get("abandonRate").get("campaign").isNull()).isTrue();
            assertThat(whole.get("campaigns")).hasSize(1);
            assertThat(whole.get("campaigns").get(0).get("campaignId").asLong()).isEqualTo(campaign.campaignId);
        } finally {
            engine.call(business.id(), () -> {
                desk.release(agentId(onCall), engine.now());
                desk.endWrapUp(agentId(wrappingUp), engine.now());
                return null;
            });
            db.sql("update call_record set ended_at = :now, result = 'NETWORK_ERROR' where business_id = :business and ended_at is null")
                    .param("now", SqlTime.toSql(Instant.now())).param("business", business.id()).update();
        }
    }

    @Test
    void anAgentMayNotReadLiveFiguresAndAnotherBusinessesCampaignIsNotFound() {
        TestBusiness business = api.newBusiness("live-roles");
        DialingScenario campaign = DialingScenario.running(business, "MANUAL", Map.of());
        TestBusiness other = api.newBusiness("live-other");

        Api.Client agent = campaign.fixtures.agent.client();
        assertThat(agent.get("/api/v1/campaigns/" + campaign.campaignId + "/live").status()).isEqualTo(403);
        assertThat(agent.get("/api/v1/live").status()).isEqualTo(403);
        assertThat(agent.withHeader("Accept", "text/event-stream").get("/api/v1/live/stream").status()).isEqualTo(403);
        assertThat(other.admin().get("/api/v1/campaigns/" + campaign.campaignId + "/live").status()).isEqualTo(404);
        assertThat(other.admin().withHeader("Accept", "text/event-stream")
                .get("/api/v1/campaigns/" + campaign.campaignId + "/live/stream").status()).isEqualTo(404);
        assertThat(business.person("SUPERVISOR", "live-supervisor").client()
                .get("/api/v1/campaigns/" + campaign.campaignId + "/live").status()).isEqualTo(200);
    }

    private void deactivate(TestBusiness business, TestBusiness.Person... people) {
        for (TestBusiness.Person person : people) {
            business.admin().put("/api/v1/users/" + person.id(), Map.of("enabled", false)).expect(200);
        }
    }

    private void agentIs(TestBusiness.Person agent, boolean isAvailable, long campaignId) {
        sessions.setAvailable(agentId(agent), isAvailable);
        sessions.open(agentId(agent), campaignId);
    }

    private AgentDesk deskOf(long businessId) {
        return DialingScenario.waitFor(() -> engine.call(businessId, () -> dialers.desk(businessId)), Optional::isPresent,
                "the business's dialer").orElseThrow();
    }

    private static AgentId agentId(TestBusiness.Person agent) {
        return AgentId.of(String.valueOf(agent.id()));
    }

    /** A call record as the dialer writes it; {@code result} "TALKING" leaves it open and connected. */
    private void call(TestBusiness business, DialingScenario campaign, Instant dialing, Instant ringing,
                      Instant answered, Instant connected, String result) {
        boolean ended = result != null && !"TALKING".equals(result);
        db.sql("""
                insert into call_record (id, business_id, campaign_id, customer_id, dialed_number, hotline, queued_at,
                    dialing_at, ringing_at, answered_at, connected_at, ended_at, result)
                values (:id, :business, :campaign, 0, '+84912460000', '+842873000000', :dialing, :dialing, :ringing,
                    :answered, :connected, :ended, :result)
                """)
                .param("id", "test-" + UUID.randomUUID()).param("business", business.id())
                .param("campaign", campaign.campaignId).param("dialing", SqlTime.toSql(dialing))
                .param("ringing", SqlTime.toSql(ringing)).param("answered", SqlTime.toSql(answered))
                .param("connected", SqlTime.toSql(connected))
                .param("ended", ended ? SqlTime.toSql(dialing.plusSeconds(30)) : null)
                .param("result", ended ? result : null).update();
    }
}
