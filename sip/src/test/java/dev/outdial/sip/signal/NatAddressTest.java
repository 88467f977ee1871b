package dev.outdial.sip.signal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NatAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"192.168.1.20", "10.0.0.7", "172.16.4.2", "172.31.255.1", "100.64.0.9", "[fd12:3456::7]"})
    void aPrivateContactRegisteredFromElsewhereIsBehindNat(String host) {
        assertThat(NatAddress.of(host, 5060, "203.0.113.9", 40123, "udp"))
                .contains(new NatAddress("203.0.113.9", 40123, "udp"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.7", "172.32.0.1", "100.128.0.1", "127.0.0.1", "phone.example.com", "[2001:db8::1]"})
    void aContactAnyoneCanReachOrANameIsRungAsItIs(String host) {
        assertThat(NatAddress.of(host, 5060, "198.51.100.4", 40123, "udp")).isEmpty();
    }

    @Test
    void aPrivateContactRegisteredFromItselfNeedsNoNat() {
        assertThat(NatAddress.of("192.168.1.20", 5060, "192.168.1.20", 5060, "udp")).isEmpty();
        assertThat(NatAddress.of("192.168.1.20", 5060, "192.168.1.20", 5070, "tcp")).isPresent();
    }

    @Test
    void aPhoneRegisteredOverTlsIsReachedThroughItsConnectionWhereverItIs() {
        assertThat(NatAddress.of("203.0.113.7", 5061, "203.0.113.7", 40123, "tls"))
                .contains(new NatAddress("203.0.113.7", 40123, "tls"));
        assertThat(NatAddress.of("phone.example.com", 5061, "198.51.100.4", 40123, "tls")).isPresent();
        assertThat(NatAddress.of("203.0.113.7", 5061, "203.0.113.7", 5061, "tls")).isPresent();
    }
}
