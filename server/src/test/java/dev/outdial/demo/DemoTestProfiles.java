package dev.outdial.demo;

import dev.outdial.testing.TestDatabaseProfiles;
import java.util.stream.Stream;

/** The test database's profiles, and {@code demo}: the application as {@code ./outdial demo} starts it. */
public class DemoTestProfiles extends TestDatabaseProfiles {

    @Override
    public String[] resolve(Class<?> testClass) {
        return Stream.concat(Stream.of(super.resolve(testClass)), Stream.of("demo")).toArray(String[]::new);
    }
}
