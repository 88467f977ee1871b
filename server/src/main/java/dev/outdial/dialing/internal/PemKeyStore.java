package dev.outdial.dialing.internal;

import static dev.outdial.dialing.internal.SipSettingsParser.invalid;
import static dev.outdial.dialing.internal.SipSettingsParser.readable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A key store made of PEM files, the form certificate authorities and certbot hand out: a certificate chain
 * ({@code fullchain.pem}) and its private key ({@code privkey.pem}, PKCS#8), checked to belong together, so an operator
 * can point Outdial at the files a renewal rewrites. Each problem is an {@link IllegalArgumentException} naming the
 * setting and what to do.
 */
final class PemKeyStore {

    static final char[] PASSWORD = new char[0];
    private static final Pattern PKCS8 = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
    private static final List<String> KEY_ALGORITHMS = List.of("EC", "RSA", "Ed25519");

    private PemKeyStore() {
    }

    /** The chain in {@code certificateFile} and the key in {@code keyFile}, a key store opened by {@link #PASSWORD}. */
    static KeyStore load(String certificateFile, String keyFile) {
        List<X509Certificate> chain = certificates(certificateFile);
        PrivateKey key = privateKey(keyFile);
        checkBelongTogether(key, chain.getFirst(), keyFile);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("outdial", key, PASSWORD, chain.toArray(Certificate[]::new));
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("an in-memory key store could not be made", e);
        }
    }

    private static List<X509Certificate> certificates(String file) {
        Path path = readable("tls.certificate", file);
        try (InputStream in = Files.newInputStream(path)) {
            if (!Files.readString(path, StandardCharsets.US_ASCII).contains("-----BEGIN CERTIFICATE-----")) {
                throw invalid("tls.certificate", "holds no certificate (-----BEGIN CERTIFICATE-----): " + file);
            }
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
        } catch (CertificateException e) {
            throw invalid("tls.certificate", "is not a PEM certificate chain (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw invalid("tls.certificate", "cannot be read: " + e.getMessage());
        }
    }

    private static PrivateKey privateKey(String file) {
        String pem;
        try {
            pem = Files.readString(readable("tls.private-key", file), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw invalid("tls.private-key", "cannot be read: " + e.getMessage());
        }
        if (pem.contains("ENCRYPTED PRIVATE KEY")) {
            throw invalid("tls.private-key", "is encrypted: give it unencrypted, readable by the server's "
                    + "user alone (openssl pkcs8 -topk8 -nocrypt -in " + file + ")");
        }
        Matcher pkcs8 = PKCS8.matcher(pem);
        if (!pkcs8.find()) {
            throw invalid("tls.private-key", "is not a PKCS#8 private key (-----BEGIN PRIVATE KEY-----): "
                    + "convert an RSA or EC one with openssl pkcs8 -topk8 -nocrypt -in " + file);
        }
        byte[] encoded = Base64.getMimeDecoder().decode(pkcs8.group(1));
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(encoded));
            } catch (InvalidKeySpecException notThisAlgorithm) {
                // the next one
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK has no " + algorithm + " keys", e);
            }
        }
        throw invalid("tls.private-key", "holds a key of none of the kinds TLS uses here (EC, RSA, Ed25519)");
    }

    /** Signs with the key and checks with the certificate: a renewal that replaced one file only is caught here. */
    private static void checkBelongTogether(PrivateKey key, X509Certificate certificate, String keyFile) {
        String algorithm = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> key.getAlgorithm();
        };
        byte[] challenge = new byte[32];
        new SecureRandom().nextBytes(challenge);
        boolean belong;
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            belong = verifier.verify(signature);
        } catch (GeneralSecurityException otherKind) {
            belong = false;
        }
        if (!belong) {
            throw invalid("tls.private-key", "is not the key of the certificate of "
                    + certificate.getSubjectX500Principal().getName() + " (" + keyFile + ")");
        }
    }

}
