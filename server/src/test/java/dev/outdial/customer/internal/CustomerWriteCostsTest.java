package dev.outdial.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outdial.customer.DialingCustomers;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.customer.CampaignRules;
import dev.outdial.engine.customer.CustomerInput;
import dev.outdial.engine.customer.CustomerLifecycle;
import dev.outdial.engine.customer.DialType;
import dev.outdial.engine.customer.Transition;
import dev.outdial.engine.rules.QueuedCustomer;
import dev.outdial.engine.rules.Recipient;
import dev.outdial.testing.Api;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL, what V246 cut from every customer written (issue 18: a million-row import is bound by
 * the database's per-row index entries and key checks): the lease and due indexes hold only claimed
 * customers and customers with a next attempt, yet still serve the queries that read them; and the
 * customer's business and campaign are one key, which refuses a business that is not the campaign's. And
 * what V255/V256 cut from every lease renewal: no index reads {@code lease_until}, so a renewal can be HOT.
 * Sequential scans are priced out, as at a million customers.
 */
@Tag("postgres")
@OutdialIntegrationTest
class CustomerWriteCostsTest {

    @Autowired
    Api api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DialingCustomers customers;

    TestBusiness business;
    long campaign;

    @BeforeEach
    void aCampaignWithACustomer() {
        business = api.newBusiness("write-costs");
        campaign = new CampaignFixtures(business).create("Costs", "PROGRESSIVE");
        business.admin().post("/api/v1/campaigns/" + campaign + "/customers", Map.of("customers", List.of(
                Map.of("name", "Trần Bình", "phone", "0914000002")))).expect(201);
    }

    /**
     * A claim the pacing dials at once, in the dial's transaction: the dial's write stores its state over the
     * row as it was, so the row is updated once, not once for the claim and again for the dial (each a write
     * of every index). A claim nothing writes again is still written before its transaction commits.
     */
    @Test
    void aClaimDialedInItsTransactionUpdatesTheRowOnce() {
        customers.register(campaign, CampaignRules.of(DialType.PROGRESSIVE, 3, Duration.ZERO, 1));
        business.admin().post("/api/v1/campaigns/" + campaign + "/customers", Map.of("customers", List.of(
                Map.of("name", "Phạm Dũng", "phone", "0914000004")))).expect(201);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant leaseUntil = now.plusSeconds(60);

        long updates = transactions.execute(status -> {
            long before = customerRowsUpdated();
            QueuedCustomer claimed = customers.claimNext(campaign, Recipient.pool(Set.of()), 1, now, leaseUntil).get(0);
            Transition.Applied dialed = (Transition.Applied) CustomerLifecycle.apply(claimed.state(),
                    new CustomerInput.Dialed(), CampaignRules.of(DialType.PROGRESSIVE, 3, Duration.ZERO, 1), now);
            assertThat(customers.record(campaign, claimed.customerId(), claimed.state(), dialed)).isTrue();
            return customerRowsUpdated() - before;
        });
        QueuedCustomer alone = customers.claimNext(campaign, Recipient.pool(Set.of()), 1, now, leaseUntil).get(0);

        assertThat(updates).isEqualTo(1);
        assertThat(jdbc.queryForList("select status, on_call, lease_owner is not null as owned from campaign_customer"
                + " where campaign_id = ? order by id", campaign))
                .extracting(row -> row.get("status") + " " + row.get("on_call") + " " + row.get("owned"))
                .containsExactly("IN_PROGRESS true true", "IN_PROGRESS false true");
        assertThat(customers.find(campaign, alone.customerId())).contains(alone);
    }

    /**
     * The agent's word on a reached customer: its new state and its classification, the progress counts moved
     * from one classification to the other. The row is read once, by the locking read that moves it: the moves
     * after it know the classification the row holds, where each read it again (a query for the count's key,
     * then a locking read before the classification's write).
     */
    @Test
    void anAgentsWordReadsTheCustomerOnceAndMovesItsCountToTheClassification() {
        CampaignRules rules = CampaignRules.of(DialType.PROGRESSIVE, 3, Duration.ZERO, 1);
        customers.register(campaign, rules);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long customer = transactions.execute(status -> {
            QueuedCustomer claimed = customers.claimNext(campaign, Recipient.pool(Set.of()), 1, now, now.plusSeconds(60))
                    .get(0);
            customers.update(campaign, claimed.customerId(),
                    state -> CustomerLifecycle.apply(state, new CustomerInput.Dialed(), rules, now));
            customers.update(campaign, claimed.customerId(),
                    state -> CustomerLifecycle.apply(state, new CustomerInput.CallEnded(CallResult.SUCCESS), rules, now));
            return claimed.customerId();
        });
        long classification = business.reachedClassification();

        long reads = transactions.execute(status -> {
            long before = customerIndexScans();
            customers.update(campaign, customer,
                    state -> CustomerLifecycle.apply(state, new CustomerInput.Done(), rules, now));
            customers.classify(campaign, customer, classification);
            return customerIndexScans() - before;
        });

        assertThat(reads).as("the locking read, the state's write and the classification's write").isEqualTo(3);
        assertThat(jdbc.queryForList("""
                select status, classification_id, sum(customers) as customers from campaign_customer_count
                where campaign_id = ? group by status, classification_id having sum(customers) <> 0
                """, campaign))
                .extracting(row -> row.get("status") + " " + row.get("classification_id") + " " + row.get("customers"))
                .containsExactly("SUCCESS " + classification + " 1");
    }

    /**
     * This transaction's index scans of customer rows so far (read as {@link #customerRowsUpdated} is): each read
     * or write of one customer by its id.
     */
    private long customerIndexScans() {
        return jdbc.queryForObject(
                "select idx_scan from pg_stat_xact_user_tables where relname = 'campaign_customer'", Long.class);
    }

    /**
     * This transaction's updates of customer rows so far, as PostgreSQL counts them: a difference of two readings
     * in one transaction is what it did, as PostgreSQL 15 adds in the counts of the connection's earlier
     * transactions until it reports them (at most once a second).
     */
    private long customerRowsUpdated() {
        return jdbc.queryForObject(
                "select n_tup_upd from pg_stat_xact_user_tables where relname = 'campaign_customer'", Long.class);
    }

    @Test
    void theSweepOfLapsedClaimsAndTheNextDueTimeReadTheirPartialIndexes() {
        assertThat(plan("select distinct business_id, campaign_id from campaign_customer where claimed and lease_until <= now()"))
                .contains("campaign_customer_claimed");
        assertThat(plan("select next_attempt_at from campaign_customer where campaign_id = " + campaign
                + " and next_attempt_at > now() order by next_attempt_at fetch first 1 rows only"))
                .contains("campaign_customer_due");
    }

    /**
     * A node renews every claimed customer's lease every ten seconds, a real call some twenty times: an
     * update that changes a column some index reads (as a key, an expression or its condition) writes an
     * entry into all fourteen, where one that changes none can stay on its page and write none.
     */
    @Test
    void noIndexReadsTheLeaseSoItsRenewalWritesNone() {
        List<String> readingTheLease = jdbc.queryForList("""
                select i.indexrelid::regclass::text from pg_index i
                where i.indrelid = 'campaign_customer'::regclass
                  and (exists (select 1 from pg_attribute a where a.attrelid = i.indrelid and a.attname = 'lease_until'
                               and a.attnum = any (i.indkey))
                       or coalesce(pg_get_expr(i.indpred, i.indrelid), '') like '%lease_until%'
                       or coalesce(pg_get_expr(i.indexprs, i.indrelid), '') like '%lease_until%')
                """, String.class);

        assertThat(readingTheLease).isEmpty();
        assertThat(plan("select id from campaign_customer where campaign_id = " + campaign + " and claimed = false"
                + " and held_pause = false and held_blacklist = false and held_dnc = false and progress = 'NEW'"
                + " order by next_attempt_at nulls first, added_at, id fetch first 1 rows only"))
                .contains("campaign_customer_claim_queue");
    }

    @Test
    void aClaimWithoutItsLeaseOrALeaseWithoutItsClaimIsRefused() {
        assertThatThrownBy(() -> jdbc.update("update campaign_customer set claimed = true where campaign_id = ?", campaign))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update(
                "update campaign_customer set lease_until = now() where campaign_id = ?", campaign))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void aCustomerWhoseBusinessIsNotItsCampaignsIsRefused() {
        long otherBusiness = jdbc.queryForObject("select business_id from campaign where id = ?", Long.class,
                new CampaignFixtures(api.newBusiness("write-costs-other")).create("Other", "PROGRESSIVE"));

        assertThatThrownBy(() -> jdbc.update("""
                insert into campaign_customer (business_id, campaign_id, name, phone, status, progress, added_at)
                values (?, ?, 'Lê Chi', '+84914000003', 'NEW', 'NEW', now())
                """, otherBusiness, campaign)).isInstanceOf(DataIntegrityViolationException.class);
    }

    private String plan(String query) {
        return transactions.execute(status -> {
            jdbc.execute("set local enable_seqscan = off");
            return String.join("\n", jdbc.queryForList("explain " + query, String.class));
        });
    }
}
