package dev.outdial.sip;

import java.net.InetAddress;
import java.util.Objects;

/**
 * An IP address, or a block of them in CIDR notation ({@code 54.172.60.0/30}, {@code 2600:1f18::/32}): where a
 * carrier's calls may come from. Read from literals only, never a name to look up, so the block is what the
 * operator wrote.
 */
public record AddressBlock(InetAddress network, int prefixLength) {

    public AddressBlock {
        Objects.requireNonNull(network, "network");
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("a prefix of " + network.getHostAddress() + " is 0 to " + bits + " bits, not "
                    + prefixLength);
        }
    }

    /** The one address {@code address}. */
    public static AddressBlock of(InetAddress address) {
        return new AddressBlock(address, address.getAddress().length * 8);
    }

    /** {@code 192.0.2.7}, {@code 192.0.2.0/24} or an IPv6 one; an IllegalArgumentException says what is wrong. */
    public static AddressBlock parse(String typed) {
        String text = typed.strip();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        InetAddress network;
        try {
            network = InetAddress.ofLiteral(address);
        } catch (IllegalArgumentException notAnAddress) {
            throw new IllegalArgumentException("'" + typed.strip() + "' is not an IP address or a block like 192.0.2.0/24");
        }
        if (slash < 0) {
            return of(network);
        }
        try {
            return new AddressBlock(network, Integer.parseInt(text.substring(slash + 1)));
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("'" + typed.strip() + "' has no prefix length after its '/'");
        }
    }

    /** Whether {@code address} lies in the block (an IPv4 address never lies in an IPv6 block, nor the reverse). */
    public boolean contains(InetAddress address) {
        byte[] wanted = network.getAddress();
        byte[] given = address.getAddress();
        if (wanted.length != given.length) {
            return false;
        }
        int whole = prefixLength / 8;
        for (int i = 0; i < whole; i++) {
            if (wanted[i] != given[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (wanted[whole] & mask) == (given[whole] & mask);
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefixLength;
    }
}
