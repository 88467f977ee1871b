package dev.outdial.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port, against H2 or PostgreSQL (see
 * {@link TestDatabaseProfiles}); tests talk to it over HTTP like any client, through {@link Api}.
 * Its clock is an {@link AdjustableClock}, so a test moves time on rather than waiting for it.
 * MockMvc is there for every test that drives pages with a session: one set of annotations here
 * means one application for the classes that add nothing else.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestDatabaseProfiles.class)
@AutoConfigureMockMvc
@Import({Api.class, AdjustableClock.class})
public @interface OutdialIntegrationTest {
}
