package dev.outdial.agent.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Passwords too common to accept: the 3,546 most frequent ones of Openwall's John the Ripper list
 * (security/common-passwords.txt, from Debian's john-data package, public domain), compared
 * without regard to case or surrounding spaces. Guessing starts with these lists, so an account
 * with one of them falls to the first few tries that the sign-in throttle allows.
 */
@Component
public class CommonPasswords {

    private static final String LIST = "/security/common-passwords.txt";

    private final Set<String> common;

    CommonPasswords() {
        this.common = load();
    }

    public boolean contains(String password) {
        return password != null && common.contains(password.strip().toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        Set<String> passwords = new HashSet<>();
        try (InputStream in = CommonPasswords.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException(LIST + " is missing from the application");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.startsWith("#!comment:") && !line.isBlank()) {
                    passwords.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return Set.copyOf(passwords);
    }
}
