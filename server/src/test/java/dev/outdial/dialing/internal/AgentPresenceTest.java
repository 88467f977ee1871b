package dev.outdial.dialing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.shared.NodeId;
import dev.outdial.testing.OutdialIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 14, item 4: a node counts an agent present only while it has seen their presence renewed as
 * its own. A node woken from a pause longer than the presence lease dials for nobody until its
 * heartbeat found its agents still there; an agent who went to another node (after a failover) is
 * present there, and the node they left forgets them.
 */
@OutdialIntegrationTest
class AgentPresenceTest {

    private static final long CAMPAIGN = 1;

    @Autowired
    AgentPresenceRepository presence;

    @Autowired
    AgentReceiptRepository receipts;

    @Autowired
    AccountManagers accountManagers;

    @Autowired
    DialingProperties properties;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final AgentId agent = AgentId.of(String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000_000)));

    @Test
    void aNodeWokenPastThePresenceLeaseDialsForNobodyUntilItSawTheirPresenceRenewed() {
        AgentSessions node = on("node-a");
        ready(node);
        assertThat(node.available(CAMPAIGN)).containsExactly(agent);

        clock.move(properties.presenceLease().plusSeconds(1));
        assertThat(node.available(CAMPAIGN)).as("after a pause past the presence lease").isEmpty();
        assertThat(node.loggedIn(CAMPAIGN)).isEmpty();

        node.renewPresence();
        assertThat(node.available(CAMPAIGN)).as("once the heartbeat found them still here").containsExactly(agent);
    }

    @Test
    void anAgentWhoWentToAnotherNodeIsDialedForThereAndForgottenWhereTheyWere() {
        AgentSessions left = on("node-a");
        AgentSessions joined = on("node-b");
        ready(left);

        clock.move(Duration.ofSeconds(1));
        ready(joined);
        left.renewPresence();
        joined.renewPresence();

        assertThat(left.available(CAMPAIGN)).as("on the node they left").isEmpty();
        assertThat(left.hasOpen(agent, CAMPAIGN)).isFalse();
        assertThat(joined.available(CAMPAIGN)).as("on the node they work against now").containsExactly(agent);
    }

    private AgentSessions on(String node) {
        return new AgentSessions(receipts, accountManagers, presence, new NodeId(node), properties, clock);
    }

    private void ready(AgentSessions node) {
        node.open(agent, CAMPAIGN);
        node.setAvailable(agent, true);
    }

    /** The nodes' clock, moved by the test: a pause is time passing without a heartbeat. */
    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
