package dev.outdial.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Where a carrier's calls may come from: addresses and CIDR blocks, IPv4 and IPv6, read from literals only. */
class AddressBlockTest {

    private static InetAddress ip(String literal) {
        return InetAddress.ofLiteral(literal);
    }

    @Test
    void aBlockHoldsTheAddressesItsPrefixCoversAndNoOthers() {
        AddressBlock block = AddressBlock.parse("54.172.60.0/30");
        assertThat(block.contains(ip("54.172.60.0"))).isTrue();
        assertThat(block.contains(ip("54.172.60.3"))).isTrue();
        assertThat(block.contains(ip("54.172.60.4"))).isFalse();
        assertThat(block.contains(ip("54.172.61.1"))).isFalse();
        // A prefix inside a byte: /20 covers 10.1.16.0 to 10.1.31.255.
        AddressBlock twenty = AddressBlock.parse("10.1.16.0/20");
        assertThat(twenty.contains(ip("10.1.31.255"))).isTrue();
        assertThat(twenty.contains(ip("10.1.32.0"))).isFalse();
        assertThat(twenty.contains(ip("10.1.15.255"))).isFalse();
    }

    @Test
    void anAddressAloneIsABlockOfOneAndZeroBitsCoverEveryAddressOfItsFamily() {
        assertThat(AddressBlock.parse("192.0.2.7")).isEqualTo(new AddressBlock(ip("192.0.2.7"), 32));
        assertThat(AddressBlock.parse(" 192.0.2.7 ").contains(ip("192.0.2.8"))).isFalse();
        assertThat(AddressBlock.parse("0.0.0.0/0").contains(ip("203.0.113.9"))).isTrue();
        assertThat(AddressBlock.parse("0.0.0.0/0").contains(ip("2001:db8::1"))).as("another family").isFalse();
    }

    @Test
    void ipv6BlocksWork() {
        AddressBlock block = AddressBlock.parse("2600:1f18:2148:bc00::/56");
        assertThat(block.contains(ip("2600:1f18:2148:bcff::1"))).isTrue();
        assertThat(block.contains(ip("2600:1f18:2148:bd00::1"))).isFalse();
        assertThat(block.contains(ip("54.172.60.1"))).isFalse();
    }

    @Test
    void whatIsNotAnAddressOrABlockIsRefusedSayingWhy() {
        assertThatThrownBy(() -> AddressBlock.parse("sip.carrier.example"))
                .hasMessage("'sip.carrier.example' is not an IP address or a block like 192.0.2.0/24");
        assertThatThrownBy(() -> AddressBlock.parse("192.0.2.0/33")).hasMessage("a prefix of 192.0.2.0 is 0 to 32 bits, not 33");
        assertThatThrownBy(() -> AddressBlock.parse("192.0.2.0/")).hasMessage("'192.0.2.0/' has no prefix length after its '/'");
        assertThatThrownBy(() -> AddressBlock.parse("192.0.2.0/-1")).hasMessage("a prefix of 192.0.2.0 is 0 to 32 bits, not -1");
    }
}
