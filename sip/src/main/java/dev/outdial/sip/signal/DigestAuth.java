package dev.outdial.sip.signal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * HTTP digest (RFC 2617, MD5) as SIP uses it, both ways: the response we send when the trunk
 * challenges us, and the response we expect from a phone registering here. Phones' passwords are
 * never kept: the phone book holds HA1, which is all the computation needs.
 */
public final class DigestAuth {

    private DigestAuth() {
    }

    /** HA1 = MD5(username ":" realm ":" password), lower-case hex. */
    public static String ha1(String username, String realm, String password) {
        return md5(username + ":" + realm + ":" + password);
    }

    /**
     * The request-digest for {@code method} on {@code uri}: with {@code qop} "auth" it covers the
     * nonce count and client nonce too (RFC 2617 §3.2.2.1), without it the RFC 2069 form.
     */
    public static String response(String ha1, String nonce, String method, String uri, Optional<Qop> qop) {
        String ha2 = md5(method + ":" + uri);
        return qop.map(q -> md5(ha1 + ":" + nonce + ":" + q.nonceCount() + ":" + q.cnonce() + ":auth:" + ha2))
                .orElseGet(() -> md5(ha1 + ":" + nonce + ":" + ha2));
    }

    /** Whether two digests are the same, in time that does not tell how much of them matched. */
    public static boolean sameDigest(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }

    /** The qop=auth parameters: the nonce count as 8 hex digits and the client's nonce. */
    public record Qop(String nonceCount, String cnonce) {
    }
}
