package dev.outdial.dialing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.call.internal.CallRecordRepository;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.port.CallEnd;
import dev.outdial.engine.port.CallRecord;
import dev.outdial.shared.SqlTime;
import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * What a killed node leaves behind, written as it would have left it: a customer on a call under
 * a lease nobody renews, and the call record still open. Issue 5: after a restart "every call that
 * was up is closed as NETWORK_ERROR (no attempt consumed), every customer it held is eligible again".
 */
@OutdialIntegrationTest
@TestPropertySource(properties = "outdial.dialing.sweep-interval=200ms")
class DeadNodeTest {

    @Autowired
    Api api;

    @Autowired
    JdbcClient db;

    @Autowired
    CallRecordRepository calls;

    @Test
    void aCallLeftOpenByADeadNodeIsClosedAsANetworkErrorWithoutUsingAnAttempt() {
        DialingScenario campaign = DialingScenario.running(api.newBusiness("DeadNode"), "MANUAL", Map.of());
        long customer = campaign.add("+84914010003").getFirst();
        // The campaign was paused while its node died: no runner's heartbeat looks at it.
        campaign.business.admin().post("/api/v1/campaigns/" + campaign.campaignId + "/pause").expect(200);
        Instant lapsed = Instant.now().minusSeconds(60);
        leftOnACallByADeadNode(campaign, customer, lapsed);

        JsonNode call = DialingScenario.waitFor(
                () -> campaign.business.admin().get("/api/v1/calls/dead-node-call-" + customer).expect(200).json(),
                closed -> closed.get("state").asString().equals("ENDED"), "the dead node's call to be closed");

        assertThat(call.get("result").asString()).isEqualTo("NETWORK_ERROR");
        JsonNode after = campaign.customer(customer);
        assertThat(after.get("status").asString()).isEqualTo("ERROR");
        assertThat(after.get("attempts").asInt()).as("attempts of the cycle").isZero();
        assertThat(after.get("lastResult").asString()).isEqualTo("NETWORK_ERROR");

        // the node was only paused: it comes back and saves the call's end as it saw it, which changes nothing
        CallRecord closed = calls.find(campaign.business.id(), "dead-node-call-" + customer).orElseThrow();
        CallRecord asItSawIt = new CallRecord(closed.id(), closed.businessId(), closed.campaignId(),
                closed.customerId(), closed.dialedNumber(), closed.hotline(), closed.agent(), closed.queuedAt(),
                closed.dialingAt(), closed.ringingAt(), closed.answeredAt(), closed.connectedAt(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty())
                .hungUp(Instant.now(), CallResult.SUCCESS, CallEnd.CUSTOMER_HUNG_UP);
        assertThat(calls.saveEnding(asItSawIt)).as("not the save that ended it").isFalse();
        CallRecord kept = calls.find(campaign.business.id(), "dead-node-call-" + customer).orElseThrow();
        assertThat(kept.result()).contains(CallResult.NETWORK_ERROR);
        assertThat(kept.howEnded()).as("nobody is said to have ended a call closed for a dead node").isEmpty();
    }

    private void leftOnACallByADeadNode(DialingScenario campaign, long customer, Instant leaseUntil) {
        db.sql("""
                update campaign_customer set status = 'IN_PROGRESS', claimed = true, lease_until = :lease,
                    lease_owner = 'dead-node',
                    on_call = true, total_attempts = 1
                where id = :id
                """).param("lease", SqlTime.toSql(leaseUntil)).param("id", customer).update();
        db.sql("""
                insert into call_record (id, business_id, campaign_id, customer_id, dialed_number, hotline, agent_id,
                    queued_at, dialing_at, ringing_at, answered_at, connected_at)
                values (:id, :business, :campaign, :customer, '+84914010003', '+842873000000', :agent,
                    :at, :at, :at, :at, :at)
                """)
                .param("id", "dead-node-call-" + customer).param("business", campaign.business.id())
                .param("campaign", campaign.campaignId).param("customer", customer)
                .param("agent", campaign.fixtures.agent.id()).param("at", SqlTime.toSql(leaseUntil.minusSeconds(120)))
                .update();
    }
}
