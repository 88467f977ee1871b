package dev.outdial.sip.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DigestAuthTest {

    /** RFC 2617 §3.5's example: Mufasa asks for /dir/index.html. */
    @Test
    void computesTheRfc2617Example() {
        String ha1 = DigestAuth.ha1("Mufasa", "testrealm@host.com", "Circle Of Life");

        String response = DigestAuth.response(ha1, "dcd98b7102dd2f0e8b11d0f600bfb0c093", "GET", "/dir/index.html",
                Optional.of(new DigestAuth.Qop("00000001", "0a4f113b")));

        assertThat(response).isEqualTo("6629fae49393a05397450978507c4ef1");
    }

    @Test
    void withoutQopTheDigestCoversNonceAndRequestOnly() {
        String ha1 = DigestAuth.ha1("Mufasa", "testrealm@host.com", "Circle Of Life");
        String ha2 = DigestAuth.md5("REGISTER:sip:outdial.test");

        assertThat(DigestAuth.response(ha1, "abc", "REGISTER", "sip:outdial.test", Optional.empty()))
                .isEqualTo(DigestAuth.md5(ha1 + ":abc:" + ha2));
    }

    @Test
    void comparesDigestsWhateverTheirCase() {
        assertThat(DigestAuth.sameDigest("6629fae49393a05397450978507c4ef1", "6629FAE49393A05397450978507C4EF1")).isTrue();
        assertThat(DigestAuth.sameDigest("6629fae49393a05397450978507c4ef1", "6629fae49393a05397450978507c4ef2")).isFalse();
        assertThat(DigestAuth.sameDigest("6629fae49393a05397450978507c4ef1", null)).isFalse();
    }
}
