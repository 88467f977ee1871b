package dev.outdial.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.customer.CountKey;
import dev.outdial.engine.customer.CustomerStatus;
import dev.outdial.testing.Api;
import dev.outdial.testing.Await;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.OutdialIntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL, two commits never deadlock on count rows, even where one of them inserts a row the other
 * then writes: a row inserted by a transaction still open is invisible to the others, so it must not count
 * as stored on this node before that transaction commits. If it did, the other's batch would update nothing
 * there, lock the rows after it, and come back to insert it out of the lock order (CI's deadlock in
 * {@code ClaimRaceTest}, at 939037b).
 */
@Tag("postgres")
@OutdialIntegrationTest
class CustomerCountsLockOrderTest {

    private static final CountKey FRESH = CountKey.added(CustomerStatus.NEW);

    @Autowired
    Api api;

    @Autowired
    CustomerCounts counts;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient db;

    @Test
    void aRowInsertedByAnOpenTransactionIsWrittenInLockOrderByTheOthers() throws Exception {
        long campaignId = new CampaignFixtures(api.newBusiness("LockOrder")).create("Ordered", "PROGRESSIVE");
        // Slot 2's row exists and this node has seen it; slots 0 and 1 have no row yet.
        transactions.executeWithoutResult(status -> counts.moved(campaignId, 2, null, FRESH));

        try (Connection holder = dataSource.getConnection();
                ExecutorService writers = Executors.newFixedThreadPool(2)) {
            // Another writer has inserted slot 1's row and not committed: whoever inserts it too waits.
            holder.setAutoCommit(false);
            insertRow(holder, campaignId, 1, 5);

            // The first commit inserts slot 0's row, then waits at slot 1, before reaching slot 2.
            Future<?> first = writers.submit(() -> transactions.executeWithoutResult(status -> {
                for (long customer = 0; customer < 3; customer++) {
                    counts.moved(campaignId, customer, null, FRESH);
                }
            }));
            awaitWaiting(1);
            // The second writes slots 0 and 2: it must wait for the first at slot 0 while holding nothing after it.
            Future<?> second = writers.submit(() -> transactions.executeWithoutResult(status -> {
                counts.moved(campaignId, 8, null, FRESH);
                counts.moved(campaignId, 10, null, FRESH);
            }));
            awaitWaiting(2);
            holder.commit();

            first.get();
            second.get();
        }
        assertThat(counts.read(campaignId)).isEqualTo(Map.of(FRESH, 1L + 5 + 3 + 2));
    }

    private static void insertRow(Connection connection, long campaignId, int slot, long customers) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into campaign_customer_count (campaign_id, status, classification_id, last_result, slot, customers)
                values (?, ?, ?, ?, ?, ?)
                """)) {
            insert.setLong(1, campaignId);
            insert.setString(2, FRESH.status());
            insert.setLong(3, FRESH.classificationId());
            insert.setString(4, FRESH.lastResult());
            insert.setInt(5, slot);
            insert.setLong(6, customers);
            insert.executeUpdate();
        }
    }

    private void awaitWaiting(int writers) {
        Await.until(() -> db.sql("""
                select count(*) from pg_stat_activity
                where datname = current_database() and wait_event_type = 'Lock' and query like '%campaign_customer_count%'
                """).query(Long.class).single() == writers, writers + " count writers waiting for a lock");
    }
}
