package dev.outdial.customer.internal;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Bulk writes through PostgreSQL's COPY (ARCHITECTURE §4: "PostgreSQL: COPY"), on the
 * transaction's own connection so a COPY rolls back with the rest of an import. Other databases
 * get an empty answer and the caller falls back to batched inserts.
 */
@Component
class PostgresBulk {

    private final DataSource dataSource;

    PostgresBulk(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** COPYs the rows (each a list of column values, null for SQL NULL); empty if not on PostgreSQL. */
    Optional<Long> copy(String table, List<String> columns, List<List<Object>> rows) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (!connection.isWrapperFor(PGConnection.class)) {
                return Optional.empty();
            }
            StringBuilder csv = new StringBuilder(rows.size() * 128);
            for (List<Object> row : rows) {
                for (int i = 0; i < row.size(); i++) {
                    if (i > 0) {
                        csv.append(',');
                    }
                    appendCsv(csv, row.get(i));
                }
                csv.append('\n');
            }
            String sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin (format csv)";
            long copied = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(csv.toString()));
            return Optional.of(copied);
        } catch (SQLException | IOException failure) {
            throw new IllegalStateException("COPY into " + table + " failed", failure);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Lets the search indexes (GIN, trigrams) of a bulk write collect their entries in their
     * pending lists for the rest of the transaction rather than merging them every 4 MB: merged
     * once, sorted, by {@link #mergeSearchIndexes}, a million rows cost about half of what they
     * cost merged as they come (issue 18). Nothing on other databases.
     */
    void deferSearchIndexes() {
        onPostgres("set local gin_pending_list_limit = '2000MB'");
    }

    /**
     * Merges the pending entries of the table's GIN indexes inside the bulk write's transaction,
     * so searches are as fast as ever once it commits (a long pending list is scanned by every search).
     */
    void mergeSearchIndexes(String table) {
        onPostgres("select gin_clean_pending_list(cast(i.indexrelid as regclass)) from pg_index i"
                + " join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam"
                + " where i.indrelid = cast('" + table + "' as regclass) and a.amname = 'gin'");
    }

    /**
     * Refreshes the planner's statistics of a table after a bulk write: until autovacuum comes by,
     * PostgreSQL plans the customer list as if the million rows just copied were not there.
     */
    void analyze(String table) {
        onPostgres("analyze " + table);
    }

    private void onPostgres(String sql) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (var statement = connection.createStatement()) {
            if (connection.isWrapperFor(PGConnection.class)) {
                statement.execute(sql);
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("PostgreSQL refused: " + sql, failure);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
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
