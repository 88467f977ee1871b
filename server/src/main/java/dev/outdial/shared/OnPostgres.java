package dev.outdial.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Runs a statement only PostgreSQL understands (a planner setting, a maintenance call) on the current
 * transaction's connection, and nothing on other databases: what it tunes is PostgreSQL's own.
 */
@Component
public class OnPostgres {

    private final DataSource dataSource;

    OnPostgres(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Reads with sorting disallowed, then allows it again: a read ordered so that only one index gives its order (a
     * list's scope on its own index) then walks that index, never another one or a bitmap sorted after. Within a
     * transaction, as every {@code set local}.
     */
    public <T> T withoutSorting(Supplier<T> read) {
        execute("set local enable_sort = off; set local enable_incremental_sort = off");
        try {
            return read.get();
        } finally {
            execute("set local enable_sort to default; set local enable_incremental_sort to default");
        }
    }

    /** A {@code set local} lasts to the end of the current transaction; outside one PostgreSQL ignores it. */
    public void execute(String sql) {
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
}
