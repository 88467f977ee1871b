package dev.outdial.dialing;

import static dev.outdial.dialing.DialingScenario.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.shared.NodeId;
import dev.outdial.shared.SqlTime;
import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * One pacer per business (ARCHITECTURE §7), seen from one node: it takes the lease of a business
 * nobody paces and dials; while another node's lease is live it dials nothing of that business and
 * refuses its agents' requests naming that node; once that lease lapses it takes the business over.
 */
@OutdialIntegrationTest
@TestPropertySource(properties = {"outdial.dialing.pacer-heartbeat=PT0.2S", "outdial.telephony.sim.rules.0001=BUSY",
        "outdial.telephony.sim.signal-delay=50ms", "outdial.telephony.sim.spread=0"})
class PacedElsewhereTest {

    @Autowired
    Api api;

    @Autowired
    JdbcClient db;

    @Autowired
    NodeId node;

    @Autowired
    Clock clock;

    @Test
    void aNodeAloneTakesTheLeaseOfTheBusinessItDialsAndServesItsAgents() {
        DialingScenario manual = DialingScenario.running(api.newBusiness("Alone"), "MANUAL", Map.of());
        TestBusiness.Person agent = manual.fixtures.agent;
        manual.ready(agent);
        long customer = manual.add("+84917010001").getFirst();

        manual.waitForCallEnd(agent.client(), manual.getAndDial(agent, customer));

        assertThat(ownerOf(manual.business.id())).isEqualTo(node.value());
    }

    @Test
    void whileAnotherNodePacesTheBusinessNothingIsDialedHereAndAgentsAreToldWhereToGoUntilItsLeaseLapses() {
        TestBusiness business = api.newBusiness("Elsewhere");
        DialingScenario.leaseHeldBy(db, business.id(), "other-node", Instant.now().plus(Duration.ofHours(1)));
        DialingScenario manual = DialingScenario.running(business, "MANUAL", Map.of());
        TestBusiness.Person agent = manual.fixtures.agent;
        long customer = manual.add("+84917020001").getFirst();

        Api.Response refused = agent.client().put("/api/v1/me/state", Map.of("state", "AVAILABLE"));
        assertProblem(refused, 409, "PACED_ELSEWHERE");
        assertThat(refused.json().get("node").asString()).isEqualTo("other-node");
        assertProblem(agent.client().post("/api/v1/me/campaigns/" + manual.campaignId + "/next"), 409, "PACED_ELSEWHERE");
        JsonNode state = business.admin().get("/api/v1/campaigns/" + manual.campaignId + "/dialing").expect(200).json();
        assertThat(state.get("reason").asString()).isEqualTo("PACED_ELSEWHERE");
        awaitWholeHeartbeat();
        assertThat(ownerOf(business.id())).as("a live lease is not taken over").isEqualTo("other-node");

        // The other node died: its lease lapses, and this node's heartbeat takes the business over.
        DialingScenario.leaseHeldBy(db, business.id(), "other-node", Instant.now().minusSeconds(1));
        DialingScenario.waitFor(() -> ownerOf(business.id()), node.value()::equals, "this node to take the lease over");
        manual.ready(agent);
        manual.waitForCallEnd(agent.client(), manual.getAndDial(agent, customer));
        assertThat(manual.customer(customer).get("status").asString()).isEqualTo("RETRY");
    }

    @Test
    void aBusinessWhoseLastRunningCampaignPausesGivesItsLeaseUpAtTheNextBeat() {
        DialingScenario manual = DialingScenario.running(api.newBusiness("Pausing"), "MANUAL", Map.of());
        long business = manual.business.id();
        DialingScenario.waitFor(() -> ownerOf(business), node.value()::equals, "this node to take the lease");

        manual.business.admin().post("/api/v1/campaigns/" + manual.campaignId + "/pause").expect(200);

        // Given up, not left to lapse: another node need not wait out the lease to pace the business.
        awaitWholeHeartbeat();
        assertThat(liveLeases(business)).as("live leases of business " + business + " after a whole beat").isZero();
    }

    /**
     * The business's time zone changed through another node's API (written here straight to the table,
     * so no event of this node announces it): the campaign this node runs dials by its hours in the new
     * zone from the next heartbeat on.
     */
    @Test
    void hoursMovedThroughAnotherNodeReachTheCampaignRunHereAtTheNextBeat() {
        DialingScenario campaign = DialingScenario.running(api.newBusiness("MovedElsewhere"), "PROGRESSIVE",
                Map.of(), DialingScenario.openAroundNow());
        campaign.awaitNotDialingBecause("NO_AGENTS_AVAILABLE");

        db.sql("update business set time_zone = 'America/New_York' where id = :id")
                .param("id", campaign.business.id()).update();

        campaign.awaitNotDialingBecause("OUTSIDE_WORKING_HOURS");
    }

    /**
     * The campaign's only hotline disabled through another node's API (written here straight to the
     * table): the campaign this node runs stops calling from it from the next heartbeat on.
     */
    @Test
    void aHotlineDisabledThroughAnotherNodeIsLeftByTheCampaignRunHereAtTheNextBeat() {
        DialingScenario campaign = DialingScenario.running(api.newBusiness("HotlineElsewhere"), "PROGRESSIVE",
                Map.of());
        campaign.ready(campaign.fixtures.agent);
        campaign.awaitNotDialingBecause("NO_ELIGIBLE_CUSTOMERS");

        db.sql("update hotline set enabled = false where id = :id").param("id", campaign.fixtures.hotlineId).update();

        campaign.awaitNotDialingBecause("NO_HOTLINE_AVAILABLE");
    }

    /**
     * Proof that a whole heartbeat ran after this moment, over every business: a business made now,
     * whose lease this node takes, has it renewed at each beat. The first renewal comes from a beat
     * that listed that business, so started after this moment; the second from a beat that started
     * only once that one had ended.
     */
    private void awaitWholeHeartbeat() {
        TestBusiness paced = api.newBusiness("PacedHere");
        DialingScenario.running(paced, "MANUAL", Map.of());
        String since = DialingScenario.waitFor(() -> leaseUntil(paced.id()), until -> !until.isEmpty(),
                "this node to take the lease of business " + paced.id());
        for (int renewal = 0; renewal < 2; renewal++) {
            String before = since;
            since = DialingScenario.waitFor(() -> leaseUntil(paced.id()), until -> !until.equals(before),
                    "the lease of business " + paced.id() + " to be renewed");
        }
    }

    private String leaseUntil(long businessId) {
        return db.sql("select lease_until from dialer_lease where business_id = :business and owner = :owner")
                .param("business", businessId).param("owner", node.value()).query(String.class).optional().orElse("");
    }

    private long liveLeases(long businessId) {
        return db.sql("select count(*) from dialer_lease where business_id = :business and lease_until > :now")
                .param("business", businessId).param("now", SqlTime.toSql(clock.instant())).query(Long.class).single();
    }

    private String ownerOf(long businessId) {
        return db.sql("select owner from dialer_lease where business_id = :business").param("business", businessId)
                .query(String.class).optional().orElse("nobody");
    }
}
