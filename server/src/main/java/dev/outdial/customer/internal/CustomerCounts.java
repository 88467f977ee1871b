package dev.outdial.customer.internal;

import dev.outdial.customer.CountKey;
import dev.outdial.shared.TransactionEnd;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The maintained counts behind a campaign's progress (table {@code campaign_customer_count}):
 * every write that adds, deletes or moves a customer tells this class, and nothing else computes
 * deltas.
 *
 * <p>Changes are collected per transaction and written just before it commits: a claim of ten
 * customers then touches each counter row once, locks are held only for the commit, and rows are
 * always locked in one order so two transactions never deadlock on them.
 *
 * <p>The rows this node has seen are updated in one JDBC batch, in that order (one round trip where
 * a dial's commit sent four or five, issue 18). A row never seen here may have to be created, and
 * its insert must come in the order too: the batch is sent up to it, the row written alone, and the
 * batch goes on after it.
 */
@Component
public class CustomerCounts {

    /** Rows per key: enough that concurrent calls of one campaign rarely wait for the same row. */
    static final int SLOTS = 8;
    /** Rows remembered as stored before the memory starts again: a forgotten row costs one lone update. */
    private static final int REMEMBERED = 100_000;
    private static final String UPDATE = """
            update campaign_customer_count set customers = customers + :delta
            where campaign_id = :campaign and status = :status and classification_id = :classification
              and last_result = :result and slot = :slot
            """;

    private static final Comparator<Cell> LOCK_ORDER = Comparator.comparingLong(Cell::campaignId)
            .thenComparing(cell -> cell.key().status())
            .thenComparingLong(cell -> cell.key().classificationId())
            .thenComparing(cell -> cell.key().lastResult())
            .thenComparingInt(Cell::slot);

    private record Cell(long campaignId, CountKey key, int slot) {
    }

    private final JdbcClient db;
    private final NamedParameterJdbcTemplate batches;
    private final DataSource dataSource;
    /**
     * Rows this node found in the table: they exist until their campaign is deleted, so their
     * changes need no insert path and go in the batch. Only a hint: a row gone since is written alone.
     */
    private final Set<Cell> stored = ConcurrentHashMap.newKeySet();

    CustomerCounts(JdbcClient db, NamedParameterJdbcTemplate batches, DataSource dataSource) {
        this.db = db;
        this.batches = batches;
        this.dataSource = dataSource;
    }

    /** A customer moved from {@code before} to {@code after}; null for one just added or deleted. */
    public void moved(long campaignId, long customerId, CountKey before, CountKey after) {
        if (before != null && before.equals(after)) {
            return;
        }
        int slot = (int) Math.floorMod(customerId, (long) SLOTS);
        if (before != null) {
            add(new Cell(campaignId, before, slot), -1);
        }
        if (after != null) {
            add(new Cell(campaignId, after, slot), 1);
        }
    }

    /**
     * Customers added in bulk, whose ids COPY does not tell: each key's batch count goes to one
     * slot picked at random, as readers sum the slots anyway.
     */
    public void added(long campaignId, Map<CountKey, Long> counts) {
        int slot = ThreadLocalRandom.current().nextInt(SLOTS);
        counts.forEach((key, customers) -> add(new Cell(campaignId, key, slot), customers));
    }

    /** The campaign's counts, summed over the slots. */
    public Map<CountKey, Long> read(long campaignId) {
        Map<CountKey, Long> counts = new LinkedHashMap<>();
        db.sql("""
                select status, classification_id, last_result, sum(customers) as customers
                from campaign_customer_count where campaign_id = :campaign
                group by status, classification_id, last_result
                having sum(customers) <> 0
                order by status, classification_id, last_result
                """)
                .param("campaign", campaignId)
                .query(row -> {
                    counts.put(new CountKey(row.getString("status"), row.getLong("classification_id"),
                            row.getString("last_result")), row.getLong("customers"));
                });
        return counts;
    }

    private void add(Cell cell, long delta) {
        pending().merge(cell, delta, Long::sum);
    }

    /** This transaction's changes, written before it commits; a write outside a transaction is a bug. */
    private Map<Cell, Long> pending() {
        return TransactionEnd.collected(this, () -> new TreeMap<Cell, Long>(LOCK_ORDER), this::writeAll)
                .orElseThrow(() -> new IllegalStateException(
                        "customer counts change only inside the transaction that moves customers"));
    }

    /**
     * The transaction's changes in lock order: the rows seen before in batches, each row not seen yet alone, in its
     * turn. The rows written alone are remembered only once this transaction commits: a row it inserted is invisible
     * to the others until then, so a batch of theirs would update nothing there, lock the rows after it, and come
     * back to insert it out of order, waiting for this transaction while this one may wait for them (a deadlock
     * PostgreSQL broke in CI).
     */
    private void writeAll(Map<Cell, Long> changes) {
        Map<Cell, Long> batch = new LinkedHashMap<>();
        List<Cell> writtenAlone = new ArrayList<>();
        changes.forEach((cell, delta) -> {
            if (delta == 0) {
                return;
            }
            if (stored.contains(cell)) {
                batch.put(cell, delta);
            } else {
                send(batch, writtenAlone);
                write(cell, delta);
                writtenAlone.add(cell);
            }
        });
        send(batch, writtenAlone);
        TransactionEnd.afterCommit(() -> writtenAlone.forEach(this::remember));
    }

    /**
     * Updates the rows in one batch. A row that updated nothing was deleted since this node saw it
     * (its campaign's deletion cascades): it is written alone, as a row never seen is.
     */
    private void send(Map<Cell, Long> batch, List<Cell> writtenAlone) {
        if (batch.isEmpty()) {
            return;
        }
        List<Cell> cells = List.copyOf(batch.keySet());
        int[] updated = batches.batchUpdate(UPDATE, cells.stream()
                .map(cell -> new MapSqlParameterSource(params(cell, batch.get(cell)))).toArray(SqlParameterSource[]::new));
        for (int i = 0; i < cells.size(); i++) {
            if (updated[i] == 0) {
                stored.remove(cells.get(i));
                write(cells.get(i), batch.get(cells.get(i)));
                writtenAlone.add(cells.get(i));
            }
        }
        batch.clear();
    }

    private void remember(Cell cell) {
        if (stored.size() >= REMEMBERED) {
            stored.clear();
        }
        stored.add(cell);
    }

    /**
     * Adds to the cell's row, creating it the first time. Two transactions may both find no row
     * and insert: the loser's insert runs under a savepoint, so it can roll back just that insert
     * and add to the winner's row instead of failing the whole transaction.
     */
    private void write(Cell cell, long delta) {
        if (update(cell, delta) > 0) {
            return;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Savepoint savepoint = connection.setSavepoint();
            try {
                db.sql("""
                        insert into campaign_customer_count (campaign_id, status, classification_id, last_result, slot, customers)
                        values (:campaign, :status, :classification, :result, :slot, :delta)
                        """)
                        .params(params(cell, delta)).update();
                connection.releaseSavepoint(savepoint);
            } catch (DuplicateKeyException raced) {
                connection.rollback(savepoint);
                update(cell, delta);
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("could not count customers of campaign " + cell.campaignId(), failure);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private int update(Cell cell, long delta) {
        return db.sql(UPDATE).params(params(cell, delta)).update();
    }

    private static Map<String, Object> params(Cell cell, long delta) {
        return Map.of("campaign", cell.campaignId(), "status", cell.key().status(),
                "classification", cell.key().classificationId(), "result", cell.key().lastResult(),
                "slot", cell.slot(), "delta", delta);
    }
}
