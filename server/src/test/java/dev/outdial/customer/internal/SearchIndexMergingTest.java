package dev.outdial.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.Await;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An import's search-index entries are merged on a connection beside its own while its rows are written (issue 18):
 * entries of rows not yet committed, which another connection still cannot find through the index, and which a
 * rollback takes with it.
 */
@Tag("postgres")
@OutdialIntegrationTest
class SearchIndexMergingTest {

    private static final int ROWS = 20_000;

    @Autowired
    Api api;

    @Autowired
    PostgresBulk bulk;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void theEntriesOfRowsBeingWrittenAreMergedBesideThemAndStayInvisibleToOthersThroughARollback() {
        TestBusiness business = api.newBusiness("merging");
        long campaign = new CampaignFixtures(business).create("Merged", "PROGRESSIVE");

        transactions.executeWithoutResult(status -> {
            bulk.deferSearchIndexes();
            try (PostgresBulk.Merging merging = bulk.mergeSearchIndexesMeanwhile("campaign_customer")) {
                jdbc.update("""
                        insert into campaign_customer (business_id, campaign_id, name, phone, status, progress,
                            held_pause, cycle_attempts, total_attempts, business_errors, added_at)
                        select ?, ?, 'Zyxwmerged ' || g, '+849' || lpad(g::text, 8, '0'), 'NEW', 'NEW', false, 0, 0, 0,
                               now()
                        from generate_series(1, ?) g
                        """, business.id(), campaign, ROWS);
                assertThat(foundElsewhere()).as("the uncommitted rows, pending").isZero();

                Await.until(merging::pagesMerged, pages -> pages > 0, "the pending entries merged beside the write");
                assertThat(foundElsewhere()).as("the uncommitted rows, merged into the index").isZero();
            }
            assertThat(jdbc.queryForObject("select count(*) from campaign_customer where lower(name) like '%zyxwmerged%'",
                    Long.class)).as("the write's own rows, to itself").isEqualTo(ROWS);
            status.setRollbackOnly();
        });

        assertThat(foundElsewhere()).as("after the rollback").isZero();
    }

    /** The rows another connection finds through the name's trigram index (the table's own scan ruled out). */
    private long foundElsewhere() {
        try (Connection other = dataSource.getConnection(); Statement statement = other.createStatement()) {
            other.setAutoCommit(false);
            statement.execute("set local enable_seqscan = off");
            try (ResultSet found = statement.executeQuery(
                    "select count(*) from campaign_customer where lower(name) like '%zyxwmerged%'")) {
                found.next();
                return found.getLong(1);
            } finally {
                other.rollback();
                other.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
