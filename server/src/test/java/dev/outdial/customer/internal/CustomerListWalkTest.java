package dev.outdial.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.customer.CampaignCustomer;
import dev.outdial.customer.CustomerFilter;
import dev.outdial.testing.Api;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.RowsRead;
import dev.outdial.testing.TestBusiness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL, a campaign holding most of the table is listed from its own customers, not after every other
 * business's: PostgreSQL takes its business and campaign for constants, so the primary key gives the list's order by
 * id as well as the campaign's index, and for such a campaign the primary key looks cheaper, as if its customers came
 * at once. Its first page then read the three million customers imported before a ten-million-customer campaign
 * (0.44–0.78 s, issue 18); newest first, a campaign imported before the others would read all of theirs. Here the
 * same shape at a smaller scale: a business's customers, then a campaign with most of the table, then another's.
 */
@Tag("postgres")
@OutdialIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerListWalkTest {

    private static final int OTHERS = 20_000;
    private static final int MOST = 300_000;
    /** A page's rows, its start and a few index pages: far from the other businesses' customers. */
    private static final long FEW = 500;

    @Autowired
    Api api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    CustomerListReader reader;

    TestBusiness big;
    long bigCampaign;
    final List<Long> campaigns = new ArrayList<>();

    @BeforeAll
    void aCampaignWithMostOfTheTableBetweenTwoOtherBusinesses() {
        campaignWithCustomers(api.newBusiness("walk-before"), OTHERS);
        big = api.newBusiness("walk-big");
        bigCampaign = campaignWithCustomers(big, MOST);
        campaignWithCustomers(api.newBusiness("walk-after"), OTHERS);
        jdbc.execute("analyze campaign_customer");
    }

    @AfterAll
    void removeThem() {
        campaigns.forEach(campaign -> jdbc.update("delete from campaign_customer where campaign_id = ?", campaign));
    }

    @Test
    void itsOldestCustomersAreReadWithoutTheBusinessBeforeIt() {
        RowsRead.Counted<List<CampaignCustomer>> read = firstPage(CustomerFilter.ofCampaign(bigCampaign), true);

        assertThat(read.result()).hasSize(51).allSatisfy(customer -> assertThat(customer.campaignId()).isEqualTo(bigCampaign));
        assertThat(read.result().getFirst().id()).isEqualTo(edgeId("min"));
        assertThat(read.rows()).isLessThan(FEW);
    }

    @Test
    void itsNewestCustomersAreReadWithoutTheBusinessAfterIt() {
        RowsRead.Counted<List<CampaignCustomer>> read = firstPage(CustomerFilter.ofCampaign(bigCampaign), false);

        assertThat(read.result()).hasSize(51);
        assertThat(read.result().getFirst().id()).isEqualTo(edgeId("max"));
        assertThat(read.rows()).isLessThan(FEW);
    }

    @Test
    void theWholeBusinesssListStartsAmongItsOwnCustomersToo() {
        RowsRead.Counted<List<CampaignCustomer>> read = firstPage(new CustomerFilter(null, null, null, null, null, null, null, null, null), true);

        assertThat(read.result()).hasSize(51);
        assertThat(read.result().getFirst().id()).isEqualTo(edgeId("min"));
        assertThat(read.rows()).isLessThan(FEW);
    }

    /** The big business's first page as the list reads it, and the rows of the table PostgreSQL read for it. */
    private RowsRead.Counted<List<CampaignCustomer>> firstPage(CustomerFilter filter, boolean ascending) {
        return RowsRead.of(transactions, jdbc, "campaign_customer",
                () -> reader.page(CustomerQuery.of(big.id(), filter, "VN", null, ascending), 51));
    }

    private long edgeId(String minOrMax) {
        return jdbc.queryForObject("select " + minOrMax + "(id) from campaign_customer where campaign_id = ?", Long.class,
                bigCampaign);
    }

    /** A campaign of customers written in SQL, as the list benchmark makes millions: the list reads them as any others. */
    private long campaignWithCustomers(TestBusiness business, int count) {
        long campaign = new CampaignFixtures(business).create("Walked", "PROGRESSIVE");
        campaigns.add(campaign);
        jdbc.update("""
                insert into campaign_customer (business_id, campaign_id, name, phone, status, progress, held_pause,
                    cycle_attempts, total_attempts, business_errors, added_at)
                select ?, ?, 'Customer ' || g, '+849' || lpad(g::text, 8, '0'), 'NEW', 'NEW', false, 0, 0, 0,
                       timestamp '2026-01-01' + g * interval '1 millisecond'
                from generate_series(1, ?) g
                """, business.id(), campaign, count);
        return campaign;
    }
}
