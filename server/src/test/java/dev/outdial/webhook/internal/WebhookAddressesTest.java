package dev.outdial.webhook.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Issue 17 (SSRF): which addresses a webhook may reach, IPv4 and IPv6 alike. Literals only: no DNS. */
class WebhookAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "239.255.255.250", "255.255.255.255",
            "198.18.0.1", "192.0.0.8", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "fec0::1",
            "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::127.0.0.1", "64:ff9b::a00:1",
            "2002:7f00:1::1", "2002:c0a8:101::1"})
    void internalAddressesAreRefused(String literal) throws UnknownHostException {
        assertThat(new WebhookAddresses(false).resolve(literal))
                .isInstanceOf(WebhookAddresses.Resolution.Refused.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111",
            "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"})
    void publicAddressesAreAllowed(String literal) throws UnknownHostException {
        assertThat(new WebhookAddresses(false).resolve(literal))
                .isEqualTo(new WebhookAddresses.Resolution.Allowed(InetAddress.getByName(literal)));
    }

    @Test
    void theOperatorMayAllowPrivateAddresses() {
        assertThat(new WebhookAddresses(true).resolve("127.0.0.1"))
                .isInstanceOf(WebhookAddresses.Resolution.Allowed.class);
        assertThat(new WebhookAddresses(false).resolve("localhost"))
                .isInstanceOf(WebhookAddresses.Resolution.Refused.class);
    }
}
