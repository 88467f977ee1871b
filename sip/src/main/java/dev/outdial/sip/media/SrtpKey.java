package dev.outdial.sip.media;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * One direction's SRTP master key and salt and the suite they are for, as SDP security descriptions carry them (RFC
 * 4568: {@code a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:<key and salt, base64>}). Each side sends with its own key
 * and tells the other in its SDP.
 */
public record SrtpKey(Suite suite, byte[] masterKey, byte[] masterSalt) {

    static final int KEY_BYTES = 16;
    static final int SALT_BYTES = 14;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The suites Outdial speaks (RFC 4568 §6.2): AES in counter mode, and HMAC-SHA1 tags of 80 or 32 bits. */
    public enum Suite {
        AES_CM_128_HMAC_SHA1_80(10), AES_CM_128_HMAC_SHA1_32(4);

        private final int tagBytes;

        Suite(int tagBytes) {
            this.tagBytes = tagBytes;
        }

        int tagBytes() {
            return tagBytes;
        }

        static Optional<Suite> named(String name) {
            for (Suite suite : values()) {
                if (suite.name().equals(name.toUpperCase(Locale.ROOT))) {
                    return Optional.of(suite);
                }
            }
            return Optional.empty();
        }
    }

    public SrtpKey {
        if (masterKey.length != KEY_BYTES || masterSalt.length != SALT_BYTES) {
            throw new IllegalArgumentException("an SRTP master key is 16 bytes and its salt 14");
        }
        masterKey = masterKey.clone();
        masterSalt = masterSalt.clone();
    }

    /** A new key of {@code suite}, from the system's strong random source. */
    public static SrtpKey random(Suite suite) {
        byte[] both = new byte[KEY_BYTES + SALT_BYTES];
        RANDOM.nextBytes(both);
        return new SrtpKey(suite, Arrays.copyOf(both, KEY_BYTES), Arrays.copyOfRange(both, KEY_BYTES, both.length));
    }

    /**
     * The key of one {@code a=crypto} attribute's suite and key parameters ({@code inline:<base64>}, with or without a
     * lifetime): empty for a suite Outdial does not speak, a key given with a master key identifier ({@code |1:4},
     * which every packet would then carry), several keys, or session parameters (such as {@code UNENCRYPTED_SRTP}).
     */
    public static Optional<SrtpKey> fromAttribute(String suiteName, String keyParameters) {
        Optional<Suite> suite = Suite.named(suiteName);
        if (suite.isEmpty() || !keyParameters.startsWith("inline:") || keyParameters.contains(";")
                || keyParameters.contains(" ")) {
            return Optional.empty();
        }
        String[] parts = keyParameters.substring("inline:".length()).split("\\|");
        if (parts.length > 2) {
            return Optional.empty(); // a master key identifier
        }
        try {
            byte[] both = Base64.getDecoder().decode(parts[0]);
            if (both.length != KEY_BYTES + SALT_BYTES) {
                return Optional.empty();
            }
            return Optional.of(new SrtpKey(suite.get(), Arrays.copyOf(both, KEY_BYTES),
                    Arrays.copyOfRange(both, KEY_BYTES, both.length)));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /** The attribute's value after its tag: the suite and {@code inline:} the key and salt. */
    public String attribute() {
        byte[] both = Arrays.copyOf(masterKey, KEY_BYTES + SALT_BYTES);
        System.arraycopy(masterSalt, 0, both, KEY_BYTES, SALT_BYTES);
        return suite.name() + " inline:" + Base64.getEncoder().encodeToString(both);
    }

    /** The same master key for the same suite: a context keyed with it goes on (its packet count with it). */
    @Override
    public boolean equals(Object other) {
        return other instanceof SrtpKey key && suite == key.suite && Arrays.equals(masterKey, key.masterKey)
                && Arrays.equals(masterSalt, key.masterSalt);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(masterKey);
    }

    @Override
    public String toString() {
        return suite.name() + " key"; // never the key itself: it ends up in logs
    }
}
