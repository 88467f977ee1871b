package dev.outdial.sip.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NoncesTest {

    private final MutableClock clock = new MutableClock();
    private final Nonces nonces = new Nonces(clock, Duration.ofMinutes(5));

    @Test
    void aNonceOfOursIsValidThenStale() {
        String nonce = nonces.issue();
        assertThat(nonces.check(nonce)).isEqualTo(Nonces.Check.VALID);

        clock.advance(Duration.ofMinutes(6));

        assertThat(nonces.check(nonce)).isEqualTo(Nonces.Check.STALE);
    }

    @Test
    void aNonceWeDidNotMakeIsRefused() {
        String nonce = nonces.issue();
        String tampered = Long.toHexString(clock.millis() + 1) + nonce.substring(nonce.indexOf('.'));

        assertThat(nonces.check(tampered)).isEqualTo(Nonces.Check.FORGED);
        assertThat(nonces.check(new Nonces(clock, Duration.ofMinutes(5)).issue())).isEqualTo(Nonces.Check.FORGED);
        assertThat(nonces.check("nonsense")).isEqualTo(Nonces.Check.FORGED);
        assertThat(nonces.check(null)).isEqualTo(Nonces.Check.FORGED);
    }
}
