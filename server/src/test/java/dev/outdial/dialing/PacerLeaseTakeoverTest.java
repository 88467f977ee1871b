package dev.outdial.dialing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.dialing.internal.DialerLeaseRepository;
import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pacer lease on a real PostgreSQL, as nodes take it (ARCHITECTURE §7): one node at a time
 * paces a business; its heartbeat keeps the lease; another node takes it only once it lapsed; and
 * nodes racing for the same lease never both get it.
 */
@Tag("postgres")
@OutdialIntegrationTest
class PacerLeaseTakeoverTest {

    private static final Duration LEASE = Duration.ofSeconds(15);
    private static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");

    @Autowired
    Api api;

    @Autowired
    DialerLeaseRepository leases;

    @Test
    void anotherNodeTakesTheBusinessOverOnlyOnceTheOwnersLeaseLapsedUnderANewEpoch() {
        long business = api.newBusiness("Takeover").id();

        long first = leases.take(business, "node-a", null, NINE, NINE.plus(LEASE)).orElseThrow();
        assertThat(leases.take(business, "node-b", null, NINE.plusSeconds(1), NINE.plusSeconds(1).plus(LEASE)))
                .as("while node-a's lease is live").isEmpty();
        // node-a's heartbeat renews before it lapses, at the same epoch: node-b still waits.
        assertThat(leases.take(business, "node-a", first, NINE.plusSeconds(5), NINE.plusSeconds(5).plus(LEASE)))
                .hasValue(first);
        assertThat(leases.take(business, "node-b", null, NINE.plusSeconds(16), NINE.plusSeconds(16).plus(LEASE))).isEmpty();

        // node-a dies: no more renewals; once its lease lapsed node-b takes over under a new epoch, and node-a, back, does not.
        Instant lapsed = NINE.plusSeconds(5).plus(LEASE);
        long second = leases.take(business, "node-b", null, lapsed, lapsed.plus(LEASE)).orElseThrow();
        assertThat(second).as("the taker's epoch").isGreaterThan(first);
        assertThat(leases.holder(business).orElseThrow().owner()).isEqualTo("node-b");
        assertThat(leases.take(business, "node-a", first, lapsed.plusSeconds(1), lapsed.plusSeconds(1).plus(LEASE))).isEmpty();

        // A node that stops gives its lease up: the next node need not wait, and the epochs still only grow.
        leases.release(business, "node-b", lapsed.plusSeconds(2));
        long third = leases.take(business, "node-a", first, lapsed.plusSeconds(2), lapsed.plusSeconds(2).plus(LEASE))
                .orElseThrow();
        assertThat(third).isGreaterThan(second);
        // A node started again under the same id is a new holder too.
        assertThat(leases.take(business, "node-a", null, lapsed.plusSeconds(3), lapsed.plusSeconds(3).plus(LEASE))
                .orElseThrow()).isGreaterThan(third);
    }

    @Test
    void nodesRacingForTheSameLeaseNeverBothGetIt() throws Exception {
        int nodes = 6;
        for (int round = 0; round < 10; round++) {
            long business = api.newBusiness("Race" + round).id();
            // Even rounds: no row yet (racing inserts); odd rounds: a lapsed lease (racing updates).
            if (round % 2 == 1) {
                leases.take(business, "dead-node", null, NINE.minus(LEASE), NINE.minusSeconds(1));
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> takes = new ArrayList<>();
            try (ExecutorService racers = Executors.newFixedThreadPool(nodes)) {
                for (int i = 0; i < nodes; i++) {
                    String node = "node-" + i;
                    takes.add(racers.submit(() -> {
                        start.await();
                        return leases.take(business, node, null, NINE, NINE.plus(LEASE)).isPresent();
                    }));
                }
                start.countDown();
                int winners = 0;
                for (Future<Boolean> take : takes) {
                    winners += take.get() ? 1 : 0;
                }
                assertThat(winners).as("nodes that got the lease of business " + business).isOne();
            }
        }
    }
}
