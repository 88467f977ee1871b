package dev.outdial.customer.internal;

import dev.outdial.shared.OnPostgres;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Bulk writes through PostgreSQL's COPY (ARCHITECTURE §4: "PostgreSQL: COPY"), on the
 * transaction's own connection so a COPY rolls back with the rest of an import. Other databases
 * get an empty answer and the caller falls back to batched inserts.
 */
@Component
class PostgresBulk {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresBulk.class);
    private static final Duration MERGE_EVERY = Duration.ofMillis(500);

    private final DataSource dataSource;
    private final OnPostgres postgres;

    PostgresBulk(DataSource dataSource, OnPostgres postgres) {
        this.dataSource = dataSource;
        this.postgres = postgres;
    }

    /**
     * Opens one COPY into {@code table} on the transaction's connection, for rows written one at a
     * time as they come (issue 18: a million-row import streams into a single COPY, which the
     * database works through while the rows are still being read); empty if not on PostgreSQL.
     * Nothing else may use the connection until the stream is {@linkplain CopyStream#end() ended};
     * a stream still open when its transaction ends is cancelled, so the rollback goes through.
     */
    Optional<CopyStream> openCopy(String table, List<String> columns) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (!connection.isWrapperFor(PGConnection.class)) {
                DataSourceUtils.releaseConnection(connection, dataSource);
                return Optional.empty();
            }
            String sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin (format csv)";
            CopyStream stream = new CopyStream(table, connection,
                    connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql));
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void beforeCompletion() {
                        stream.cancel();
                    }
                });
            }
            return Optional.of(stream);
        } catch (SQLException failure) {
            DataSourceUtils.releaseConnection(connection, dataSource);
            throw new IllegalStateException("COPY into " + table + " failed", failure);
        }
    }

    /** Rows on their way into one COPY, sent to the database in blocks of {@link #BLOCK} characters or so. */
    final class CopyStream {

        private static final int BLOCK = 256 * 1024;

        private final String table;
        private final Connection connection;
        private final CopyIn copy;
        private final StringBuilder block = new StringBuilder(BLOCK + 4096);
        private long rows;

        private CopyStream(String table, Connection connection, CopyIn copy) {
            this.table = table;
            this.connection = connection;
            this.copy = copy;
        }

        /** One row: its column values in order, null for SQL NULL. */
        void write(List<Object> row) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    block.append(',');
                }
                appendCsv(block, row.get(i));
            }
            block.append('\n');
            rows++;
            if (block.length() >= BLOCK) {
                send();
            }
        }

        /** Sends what is left and ends the COPY; returns the rows it wrote. */
        long end() {
            try {
                send();
                long copied = copy.endCopy();
                if (copied != rows) {
                    throw new IllegalStateException("COPY into " + table + " wrote " + copied + " rows of " + rows);
                }
                return copied;
            } catch (SQLException failure) {
                throw new IllegalStateException("COPY into " + table + " failed", failure);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }

        /** Abandons the COPY if it is still open (its transaction is ending without it). */
        void cancel() {
            try {
                if (copy.isActive()) {
                    copy.cancelCopy();
                    DataSourceUtils.releaseConnection(connection, dataSource);
                }
            } catch (SQLException alreadyBroken) {
                // The transaction is rolling back anyway; the connection reports its own state.
            }
        }

        private void send() {
            if (block.isEmpty()) {
                return;
            }
            byte[] bytes = block.toString().getBytes(StandardCharsets.UTF_8);
            block.setLength(0);
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException failure) {
                throw new IllegalStateException("COPY into " + table + " failed", failure);
            }
        }
    }

    /**
     * Lets the search indexes (GIN, trigrams) of a bulk write collect their entries in pending lists of up to 256 MB,
     * each merged into the index at once, sorted, in as much memory, rather than every 4 MB as they come: a million rows
     * cost about half of what they cost merged as they come (issue 18), and {@link #mergeSearchIndexes} merges the rest.
     * The merge takes {@code work_mem}: at the default 4 MB a pending list grown past its limit was merged in a thousand
     * small batches, and ten million rows left trigram indexes of 2 GB each (481 MB with this). Nothing on other
     * databases.
     */
    void deferSearchIndexes() {
        postgres.execute("set local gin_pending_list_limit = '256MB'");
        postgres.execute("set local work_mem = '256MB'");
    }

    /**
     * Merges the pending entries of the table's GIN indexes inside the bulk write's transaction,
     * so searches are as fast as ever once it commits (a long pending list is scanned by every search).
     */
    void mergeSearchIndexes(String table) {
        postgres.execute(mergeSql(table));
    }

    /**
     * Until closed, merges the table's GIN pending lists every half second on a connection of its own, beside the
     * bulk write's: the merge then runs on another core than the COPY's backend, which no longer merges as it goes,
     * and little is left for {@link #mergeSearchIndexes} at the end. The entries of rows not yet committed are merged
     * as autovacuum would merge them: an entry only points at its row, which stays invisible until the commit (and
     * dead after a rollback). Nothing on other databases.
     */
    Merging mergeSearchIndexesMeanwhile(String table) {
        CountDownLatch stop = new CountDownLatch(1);
        AtomicLong pages = new AtomicLong();
        Thread merger = Thread.ofPlatform().daemon().name("search-index-merger").start(() -> {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                if (!connection.isWrapperFor(PGConnection.class)) {
                    return;
                }
                connection.setAutoCommit(true);
                while (!stop.await(MERGE_EVERY.toMillis(), TimeUnit.MILLISECONDS)) {
                    try (ResultSet merged = statement.executeQuery(mergeSql(table))) {
                        while (merged.next()) {
                            pages.addAndGet(merged.getLong(1));
                        }
                    }
                }
            } catch (SQLException failure) {
                // The bulk write's own merges and the one at its end do the work instead.
                LOG.info("Merging the search indexes of {} beside a bulk write stopped: {}", table, failure.getMessage());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        });
        return new Merging() {
            @Override
            public long pagesMerged() {
                return pages.get();
            }

            @Override
            public void close() {
                stop.countDown();
                try {
                    merger.join();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    /** The merging beside a bulk write, stopped (after the merge under way) by {@link #close}. */
    interface Merging extends AutoCloseable {

        /** The pending-list pages merged so far. */
        long pagesMerged();

        @Override
        void close();
    }

    private static String mergeSql(String table) {
        return "select gin_clean_pending_list(cast(i.indexrelid as regclass)) from pg_index i"
                + " join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam"
                + " where i.indrelid = cast('" + table + "' as regclass) and a.amname = 'gin'";
    }

    /**
     * Refreshes the planner's statistics of a table after a bulk write: until autovacuum comes by,
     * PostgreSQL plans the customer list as if the million rows just copied were not there.
     */
    void analyze(String table) {
        postgres.execute("analyze " + table);
    }

    /** CSV as COPY reads it: an unquoted empty field is NULL, every value is quoted. */
    private static void appendCsv(StringBuilder csv, Object value) {
        if (value == null) {
            return;
        }
        String text = value instanceof Boolean flag ? (flag ? "t" : "f") : value.toString();
        csv.append('"').append(text.replace("\"", "\"\"")).append('"');
    }
}
