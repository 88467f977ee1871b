package dev.outdial.sip.signal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CarrierTrustTest {

    @Test
    void aCertifiedNameIsTheCarriersWhateverItsCase() {
        assertThat(CarrierTrust.matches("sip.carrier.example", "SIP.Carrier.Example")).isTrue();
        assertThat(CarrierTrust.matches("sip.carrier.example", "sip2.carrier.example")).isFalse();
    }

    @Test
    void aWildcardStandsForOneLabel() {
        assertThat(CarrierTrust.matches("*.carrier.example", "edge1.carrier.example")).isTrue();
        assertThat(CarrierTrust.matches("*.carrier.example", "a.edge1.carrier.example")).isFalse();
        assertThat(CarrierTrust.matches("*.carrier.example", "carrier.example")).isFalse();
        assertThat(CarrierTrust.matches("*.example", "carrier.example.org")).isFalse();
    }

    @Test
    void anAddressMatchesTheSameAddressHoweverWrittenAndNeverAName() {
        assertThat(CarrierTrust.matches("127.0.0.1", "127.0.0.1")).isTrue();
        assertThat(CarrierTrust.matches("0:0:0:0:0:0:0:1", "::1")).isTrue();
        assertThat(CarrierTrust.matches("127.0.0.1", "localhost")).isFalse();
        assertThat(CarrierTrust.matches("localhost", "127.0.0.1")).isFalse();
        assertThat(CarrierTrust.matches("198.51.100.7", "198.51.100.8")).isFalse();
    }
}
