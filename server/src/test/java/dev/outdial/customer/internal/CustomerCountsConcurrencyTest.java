package dev.outdial.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.customer.CountKey;
import dev.outdial.engine.customer.CustomerStatus;
import dev.outdial.testing.Api;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.OutdialIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counters shared by concurrent transactions stay exact: many writers racing to create the same
 * rows and moving customers both ways between two keys (the order that would deadlock if rows were
 * locked as they come) end with the sums the moves imply.
 */
@OutdialIntegrationTest
class CustomerCountsConcurrencyTest {

    @Autowired
    Api api;

    @Autowired
    CustomerCounts counts;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void concurrentMovesAddUpWithoutDeadlocks() throws Exception {
        long campaignId = new CampaignFixtures(api.newBusiness("Counts")).create("Counted", "PROGRESSIVE");
        CountKey fresh = CountKey.added(CustomerStatus.NEW);
        CountKey called = CountKey.added(CustomerStatus.IN_PROGRESS);
        int writers = 8;
        int moves = 20;
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                int id = writer;
                done.add(pool.submit(() -> {
                    for (int move = 0; move < moves; move++) {
                        boolean forth = (id + move) % 2 == 0;
                        transactions.executeWithoutResult(status -> {
                            // Two customers per transaction in different slots, one each way.
                            counts.moved(campaignId, id, null, forth ? fresh : called);
                            counts.moved(campaignId, id + 3L, forth ? fresh : called, forth ? called : fresh);
                        });
                    }
                }));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
        }
        Map<CountKey, Long> read = counts.read(campaignId);
        // A "forth" transaction nets one more under called, a "back" one one more under fresh; half are each.
        assertThat(read).isEqualTo(Map.of(fresh, (long) writers * moves / 2, called, (long) writers * moves / 2));
    }
}
