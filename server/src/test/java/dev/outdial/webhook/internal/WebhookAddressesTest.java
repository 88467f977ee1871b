package dev.outdial.webhook.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Issue 17 (SSRF): a webhook reaches no internal address, IPv4 or IPv6, unless allowed. Literals only: no DNS. */
class WebhookAddressesTest {

    /** A few of each kind: which addresses are internal is InternalAddressTest's to check, whole. */
    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "169.254.169.254", "100.64.0.1", "::1", "fd12:3456::1",
            "::ffff:10.0.0.1", "2002:7f00:1::1"})
    void internalAddressesAreRefused(String literal) throws UnknownHostException {
        assertThat(new WebhookAddresses(false).resolve(literal))
                .isInstanceOf(WebhookAddresses.Resolution.Refused.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "2606:4700::1111", "::ffff:8.8.8.8"})
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
