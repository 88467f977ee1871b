package dev.outdial.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * bcrypt is slow on purpose, and HTTP Basic sends the password with every API call: checked each
 * time, it would cost every call tens of milliseconds of CPU. A password that matched its stored
 * hash is remembered for a few minutes, keyed by that hash and an HMAC of the password under a key
 * that lives only in this process's memory. Changing a password changes the stored hash, so the
 * old entry stops applying; disabling or deleting a user is checked on every call regardless.
 */
final class VerifiedPasswordCache implements PasswordEncoder {

    private final PasswordEncoder slow;
    private final Cache<String, Boolean> verified;
    private final SecretKeySpec key;

    VerifiedPasswordCache(PasswordEncoder slow, Duration lifetime, long maximumEntries) {
        this.slow = slow;
        this.verified = Caffeine.newBuilder().expireAfterWrite(lifetime).maximumSize(maximumEntries).build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return slow.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return false;
        }
        String entry = encodedPassword + ':' + hmac(rawPassword);
        if (verified.getIfPresent(entry) != null) {
            return true;
        }
        boolean matches = slow.matches(rawPassword, encodedPassword);
        if (matches) {
            verified.put(entry, Boolean.TRUE);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return slow.upgradeEncoding(encodedPassword);
    }

    private String hmac(CharSequence rawPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", impossible);
        }
    }
}
