package dev.outdial.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.customer.CountKey;
import dev.outdial.engine.customer.CustomerStatus;
import dev.outdial.testing.Api;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.OutdialIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction's count cells are written at commit, the rows this node has written before in one
 * batch and the others alone: every move counts whichever way its row is written, and a row gone
 * since this node last wrote it (its campaign's deletion removes it) is created again, not lost.
 */
@OutdialIntegrationTest
class CustomerCountsTest {

    private static final CountKey FRESH = CountKey.added(CustomerStatus.NEW);
    private static final CountKey CALLED = CountKey.added(CustomerStatus.IN_PROGRESS);
    private static final CountKey RETRY = CountKey.added(CustomerStatus.RETRY);

    @Autowired
    Api api;

    @Autowired
    CustomerCounts counts;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient db;

    @Test
    void movesOverRowsWrittenBeforeAndRowsNotYetStoredAllCount() {
        long campaignId = campaign();
        // Rows of FRESH and CALLED in slots 0 and 1 exist after this; RETRY's do not.
        transactions.executeWithoutResult(status -> {
            counts.moved(campaignId, 0, null, FRESH);
            counts.moved(campaignId, 1, null, CALLED);
        });
        // One commit over rows seen (FRESH, CALLED) and a row not yet stored (RETRY) between them in the lock order.
        transactions.executeWithoutResult(status -> {
            counts.moved(campaignId, 8, null, FRESH);
            counts.moved(campaignId, 0, FRESH, RETRY);
            counts.moved(campaignId, 1, CALLED, FRESH);
        });
        assertThat(counts.read(campaignId)).isEqualTo(Map.of(FRESH, 2L, RETRY, 1L));
    }

    @Test
    void aRowDeletedSinceThisNodeWroteItIsCreatedAgain() {
        long campaignId = campaign();
        transactions.executeWithoutResult(status -> counts.moved(campaignId, 0, null, FRESH));
        transactions.executeWithoutResult(status -> counts.moved(campaignId, 0, FRESH, CALLED));
        db.sql("delete from campaign_customer_count where campaign_id = :campaign").param("campaign", campaignId).update();

        transactions.executeWithoutResult(status -> {
            counts.moved(campaignId, 0, null, FRESH);
            counts.moved(campaignId, 1, null, CALLED);
        });
        assertThat(counts.read(campaignId)).isEqualTo(Map.of(FRESH, 1L, CALLED, 1L));
    }

    private long campaign() {
        return new CampaignFixtures(api.newBusiness("Cells")).create("Counted", "PROGRESSIVE");
    }
}
