package dev.outdial.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Password guessing is slowed per account and per client address, on the API (429 with
 * Retry-After) and the sign-in page (which says how long to wait), before the password is checked:
 * while locked, even the right password is refused.
 */
@OutdialIntegrationTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {
        "outdial.security.sign-in.free-failures-per-account=3",
        "outdial.security.sign-in.free-failures-per-address=6",
        "outdial.security.sign-in.first-lock=10m"})
class SignInThrottleTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    Api api;

    @Autowired
    MockMvc mvc;

    @Test
    void anAccountThenItsAddressAreLockedAfterTheirFreeFailures() throws Exception {
        TestBusiness business = api.newBusiness("throttle");
        String admin = "admin@" + business.domain();
        TestBusiness.Person other = business.agent("bystander");
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(me(admin, "wrong-" + attempt).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> locked = me(admin, "admin-password");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 600L);
        assertThat(locked.body()).contains("sign-in-throttled");
        mvc.perform(formLogin("/login").user(admin).password("admin-password"))
                .andExpect(redirectedUrlPattern("/login?throttled=*"));
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/login").param("throttled", "600")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Too many failed sign-ins. Try again in 600 seconds.");

        assertThat(me(other.email(), "person-password").statusCode()).isEqualTo(200);
        mvc.perform(formLogin("/login").user(other.email()).password("person-password")).andExpect(redirectedUrl("/"));

        for (String stranger : new String[] {"nobody-1@x.test", "nobody-2@x.test", "nobody-3@x.test"}) {
            assertThat(me(stranger, "guess").statusCode()).isEqualTo(401);
        }
        assertThat(me(other.email(), "person-password").statusCode()).isEqualTo(429);
    }

    @Test
    void eachFailurePastTheFreeOnesLocksTwiceAsLongUpToFifteenMinutes() {
        MutableClock clock = new MutableClock();
        SignInThrottle throttle = new SignInThrottle(clock, 2, 100, Duration.ofSeconds(1));
        throttle.failed("a@b.test", "10.0.0.1");
        throttle.failed("a@b.test", "10.0.0.1");
        assertThat(throttle.lockedFor("a@b.test", "10.0.0.2")).isEmpty();

        Duration expected = Duration.ofSeconds(1);
        for (int failure = 3; failure <= 20; failure++) {
            throttle.failed("A@b.test ", "10.0.0.1");
            assertThat(throttle.lockedFor("a@b.test", "10.0.0.2")).hasValue(expected);
            clock.advance(expected);
            assertThat(throttle.lockedFor("a@b.test", "10.0.0.2")).isEmpty();
            expected = expected.multipliedBy(2).compareTo(Duration.ofMinutes(15)) > 0 ? Duration.ofMinutes(15)
                    : expected.multipliedBy(2);
        }
        throttle.succeeded("a@b.test");
        throttle.failed("a@b.test", "10.0.0.1");
        assertThat(throttle.lockedFor("a@b.test", "10.0.0.2")).isEmpty();
    }

    private HttpResponse<String> me(String user, String password) throws Exception {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/me"))
                .header("Authorization", "Basic " + token).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
