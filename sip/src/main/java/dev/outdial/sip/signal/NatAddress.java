package dev.outdial.sip.signal;

import gov.nist.javax.sip.stack.HopImpl;
import java.net.InetAddress;
import java.util.Optional;
import javax.sip.address.Hop;

/**
 * Where a phone behind a NAT router is reached: the address and port its REGISTER came from, which the router maps
 * back to it for as long as the phone keeps the mapping open (its re-registrations, and the line's keep-alive).
 * The contact it registered names its own address on the office or home network, which nobody outside can reach.
 * A phone registered over TLS is reached the same way, through the connection it registered on, wherever it is: it
 * has no certificate a new connection to it could be checked against (RFC 5923's connection reuse).
 */
public record NatAddress(String host, int port, String transport) {

    /**
     * The address a registration came from, where its contact names a private address (RFC 1918, shared
     * RFC 6598, IPv6 unique local) other than that: the phone is behind NAT. Empty for a contact anyone can reach,
     * or one given as a name; such a phone is rung at its contact, whoever registered it. Over TLS, always the
     * address the registration came from.
     */
    static Optional<NatAddress> of(String contactHost, int contactPort, String sourceHost, int sourcePort,
                                   String transport) {
        boolean overTls = "tls".equalsIgnoreCase(transport);
        if (sourceHost == null || !overTls && (!isPrivate(contactHost)
                || (contactHost.equals(sourceHost) && contactPort == sourcePort))) {
            return Optional.empty();
        }
        return Optional.of(new NatAddress(sourceHost, sourcePort, transport));
    }

    Hop hop() {
        return new HopImpl(host, port, transport);
    }

    private static boolean isPrivate(String host) {
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress address;
        try {
            address = InetAddress.ofLiteral(literal); // never a lookup: a name is not judged
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
        byte[] bytes = address.getAddress();
        boolean sharedCgnat = bytes.length == 4 && (bytes[0] & 0xFF) == 100 && (bytes[1] & 0xC0) == 64;
        boolean uniqueLocal = bytes.length == 16 && (bytes[0] & 0xFE) == 0xFC;
        return address.isSiteLocalAddress() || sharedCgnat || uniqueLocal;
    }
}
