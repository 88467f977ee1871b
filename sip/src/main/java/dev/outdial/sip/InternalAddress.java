package dev.outdial.sip;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * Addresses that are nobody's on the internet: loopback, link-local, private, unique-local, carrier-grade NAT,
 * multicast, broadcast, reserved or unspecified, IPv4 or IPv6, also when an IPv6 address carries one of those IPv4
 * addresses inside (mapped, compatible, NAT64, 6to4). One of them named by someone outside the platform (a webhook's
 * host, a phone's SDP) points into the platform's own network, or into the sender's own, which the platform cannot
 * reach either.
 */
public final class InternalAddress {

    private InternalAddress() {
    }

    /** Whether {@code address} is one of those. */
    public static boolean is(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return isInternalIpv4(bytes);
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return true; // fc00::/7 unique local
            }
            if (first == 0xfe && (bytes[1] & 0xc0) == 0xc0) {
                return true; // fec0::/10 site local (deprecated)
            }
            byte[] embedded = embeddedIpv4(bytes);
            return embedded != null && (isInternalIpv4(embedded) || isAllZero(embedded));
        }
        return true;
    }

    /** The IPv4 address an IPv6 one carries: ::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::a.b.c.d, 2002:aabb:ccdd::. */
    private static byte[] embeddedIpv4(byte[] v6) {
        boolean zeroPrefix = isAllZero(Arrays.copyOfRange(v6, 0, 10));
        boolean mapped = zeroPrefix && (v6[10] & 0xff) == 0xff && (v6[11] & 0xff) == 0xff;
        boolean compatible = zeroPrefix && v6[10] == 0 && v6[11] == 0;
        boolean nat64 = (v6[0] & 0xff) == 0x00 && (v6[1] & 0xff) == 0x64 && (v6[2] & 0xff) == 0xff
                && (v6[3] & 0xff) == 0x9b && isAllZero(Arrays.copyOfRange(v6, 4, 12));
        if (mapped || compatible || nat64) {
            return Arrays.copyOfRange(v6, 12, 16);
        }
        if ((v6[0] & 0xff) == 0x20 && (v6[1] & 0xff) == 0x02) {
            return Arrays.copyOfRange(v6, 2, 6);
        }
        return null;
    }

    private static boolean isInternalIpv4(byte[] v4) {
        int a = v4[0] & 0xff;
        int b = v4[1] & 0xff;
        int c = v4[2] & 0xff;
        return a == 0 // this network, unspecified
                || a == 10 || a == 127
                || (a == 100 && b >= 64 && b <= 127) // carrier-grade NAT
                || (a == 169 && b == 254)
                || (a == 172 && b >= 16 && b <= 31)
                || (a == 192 && b == 168)
                || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
                || (a == 198 && (b == 18 || b == 19)) // benchmarking
                || a >= 224; // multicast, reserved, broadcast
    }

    private static boolean isAllZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
