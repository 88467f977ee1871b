package dev.outdial.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL, the plans a customer search may take: the other numbers of customers have a trigram
 * index (so a phone search's "or" is read from indexes, never by scanning the table); the list's walk
 * goes by an index in order, and its turn to the indexes reads bitmaps instead of walking by id.
 * Sequential scans are priced out here, as ten million customers would: a tiny test table is cheaper
 * to scan than any index.
 */
@Tag("postgres")
@OutdialIntegrationTest
class CustomerSearchPlansTest {

    @Autowired
    Api api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PostgresPlanner planner;

    @Autowired
    TransactionTemplate transactions;

    long campaign;

    @BeforeEach
    void aCampaign() {
        TestBusiness business = api.newBusiness("plans");
        campaign = new CampaignFixtures(business).create("Plans", "PROGRESSIVE");
        business.admin().post("/api/v1/campaigns/" + campaign + "/customers", Map.of("customers", List.of(
                Map.of("name", "Nguyễn An", "phone", "0914000001", "phones", List.of("028 7300 0001"))))).expect(201);
    }

    @Test
    void theOtherNumbersOfACustomerAreSearchedThroughATrigramIndex() {
        assertThat(plan(planner::readThroughIndexes, "c.other_phones like '%+84914000009%'", ""))
                .contains("Bitmap Index Scan on campaign_customer_other_phones_trgm");
    }

    @Test
    void theWalkGoesByIdAndTheTurnToTheIndexesReadsBitmaps() {
        String search = "lower(c.name) like '%guy%'";

        assertThat(plan(planner::walkInListOrder, search)).contains("Index Scan").doesNotContain("Bitmap");
        assertThat(plan(planner::readThroughIndexes, search)).contains("Bitmap Heap Scan")
                .doesNotContain(" Index Scan using").doesNotContain("Index Scan Backward");
    }

    private String plan(Runnable setting, String search) {
        return plan(setting, search, "c.campaign_id = " + campaign + " and ");
    }

    /** The plan of a list page's query under the planner's setting, in one transaction. */
    private String plan(Runnable setting, String search, String scope) {
        return transactions.execute(status -> {
            jdbc.execute("set local enable_seqscan = off");
            if (setting != null) {
                setting.run();
            }
            return String.join("\n", jdbc.queryForList("explain select c.id from campaign_customer c where "
                    + scope + search + " order by c.id desc fetch first 51 rows only", String.class));
        });
    }
}
