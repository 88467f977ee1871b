package dev.outdial.testing;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Integration tests run on the embedded H2 by default and on PostgreSQL under {@code -Ppostgres},
 * which sets the system property {@code outdial.test.database=postgres}.
 */
public class TestDatabaseProfiles implements ActiveProfilesResolver {

    public static boolean onPostgres() {
        return "postgres".equals(System.getProperty("outdial.test.database"));
    }

    @Override
    public String[] resolve(Class<?> testClass) {
        return onPostgres() ? new String[] {"test", "test-postgres"} : new String[] {"test"};
    }
}
