package dev.outdial.shared;

import java.sql.Connection;
import java.sql.SQLException;
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
