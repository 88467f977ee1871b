package dev.outdial.testing;

import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How many rows of a table PostgreSQL read for a piece of work: the backend's own counts, taken before and after it
 * within one transaction. The counts of a backend hold what it has not reported yet from earlier transactions, so
 * only the difference within the transaction is this work's (PostgreSQL 15).
 */
public final class RowsRead {

    /** What the work answered, and the rows of the table read for it. */
    public record Counted<T>(T result, long rows) {
    }

    private RowsRead() {
    }

    public static <T> Counted<T> of(TransactionTemplate transactions, JdbcTemplate jdbc, String table, Supplier<T> work) {
        return transactions.execute(status -> {
            long before = soFar(jdbc, table);
            T result = work.get();
            return new Counted<>(result, soFar(jdbc, table) - before);
        });
    }

    private static long soFar(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("select coalesce(idx_tup_fetch, 0) + coalesce(seq_tup_read, 0)"
                + " from pg_stat_xact_user_tables where relname = ?", Long.class, table);
    }
}
