package dev.outdial.sip.signal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The registrar's digest nonces: the time they were made, signed with a key of this run, so any
 * node can check one without remembering it. A nonce we did not make is refused; one of ours older
 * than {@code lifetime} is stale, and the phone is challenged again with {@code stale=true} so it
 * retries with the same password without asking its user.
 */
public final class Nonces {

    /** What a nonce given back by a phone turned out to be. */
    public enum Check { VALID, STALE, FORGED }

    private final Clock clock;
    private final Duration lifetime;
    private final byte[] key = new byte[32];

    public Nonces(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
        new SecureRandom().nextBytes(key);
    }

    public String issue() {
        String issued = Long.toHexString(clock.millis());
        return issued + "." + sign(issued);
    }

    public Check check(String nonce) {
        int dot = nonce == null ? -1 : nonce.indexOf('.');
        if (dot < 1) {
            return Check.FORGED;
        }
        String issued = nonce.substring(0, dot);
        if (!MessageDigest.isEqual(sign(issued).getBytes(StandardCharsets.US_ASCII),
                nonce.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Check.FORGED;
        }
        Instant at;
        try {
            at = Instant.ofEpochMilli(Long.parseLong(issued, 16));
        } catch (NumberFormatException e) {
            return Check.FORGED;
        }
        return at.plus(lifetime).isBefore(clock.instant()) ? Check.STALE : Check.VALID;
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
