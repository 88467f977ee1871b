package dev.outdial.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class VerifiedPasswordCacheTest {

    private final AtomicInteger slowChecks = new AtomicInteger();
    private final PasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            slowChecks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };
    private final VerifiedPasswordCache cache = new VerifiedPasswordCache(counting, Duration.ofMinutes(5), 100);

    @Test
    void aVerifiedPasswordIsNotHashedAgainForAWhile() {
        String stored = cache.encode("correct horse");

        assertThat(cache.matches("correct horse", stored)).isTrue();
        assertThat(cache.matches("correct horse", stored)).isTrue();

        assertThat(slowChecks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsCheckedEveryTimeAndNeverRemembered() {
        String stored = cache.encode("correct horse");

        assertThat(cache.matches("wrong horse", stored)).isFalse();
        assertThat(cache.matches("wrong horse", stored)).isFalse();

        assertThat(slowChecks).hasValue(2);
    }

    @Test
    void aChangedPasswordLeavesTheOldOneUnremembered() {
        String before = cache.encode("old password");
        assertThat(cache.matches("old password", before)).isTrue();

        String after = cache.encode("new password");

        assertThat(cache.matches("old password", after)).isFalse();
        assertThat(cache.matches("new password", after)).isTrue();
    }
}
