package dev.outdial.dialing.internal;

import dev.outdial.sip.CertificateRenewal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The files Outdial's certificate is read from (a key store, or a PEM chain and its key), read again when their
 * content changes: a renewal by certbot or by hand is taken without a restart. The content is compared, not the
 * times the files were written, so a file copied back with its old time, or a symbolic link moved to a new file, is
 * seen. Files that changed into something that cannot be used (certbot writes the chain and the key one after the
 * other) are refused with why once, and read again at their next change.
 */
final class CertificateFiles implements CertificateRenewal {

    private final List<Path> files;
    private final Supplier<KeyStore> load;
    private byte[] taken;
    private byte[] refused = new byte[0];

    /**
     * @param files the files the certificate is read from, as they are now: what {@code load} is about to read
     * @param load  reads and checks them, or throws an {@link IllegalArgumentException} that says what is wrong
     */
    CertificateFiles(List<Path> files, Supplier<KeyStore> load) {
        this.files = List.copyOf(files);
        this.load = load;
        this.taken = fingerprint();
    }

    @Override
    public synchronized Optional<KeyStore> renewed() {
        byte[] now = fingerprint();
        if (Arrays.equals(now, taken) || Arrays.equals(now, refused)) {
            return Optional.empty();
        }
        try {
            KeyStore renewed = load.get();
            taken = now;
            refused = new byte[0];
            return Optional.of(renewed);
        } catch (IllegalArgumentException unusable) {
            refused = now;
            throw unusable;
        }
    }

    /** A digest of the files' contents (a file that cannot be read counts as its name alone). */
    private byte[] fingerprint() {
        MessageDigest digest = sha256();
        for (Path file : files) {
            digest.update(file.toString().getBytes(StandardCharsets.UTF_8));
            try {
                digest.update(Files.readAllBytes(file));
            } catch (IOException unreadable) {
                digest.update((byte) 0);
            }
        }
        return digest.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
