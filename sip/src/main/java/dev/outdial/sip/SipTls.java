package dev.outdial.sip;

import java.security.KeyStore;
import java.util.Objects;
import java.util.Optional;

/**
 * SIP over TLS (RFC 3261 §26, RFC 5630): where Outdial listens for it, with which certificate, and which carriers'
 * certificates it trusts. The application has loaded and checked the stores already.
 *
 * @param port             the port TLS is received on (5061 by convention), on the host SIP listens on
 * @param keyStore         Outdial's certificate and its private key, shown to phones and carriers
 * @param keyStorePassword the password of {@code keyStore} and of its key
 * @param trusted          certificate authorities trusted beside the JDK's own (a carrier's private CA), if any
 * @param renewal          where a renewal of {@code keyStore} comes from, opened by the same password
 */
public record SipTls(int port, KeyStore keyStore, char[] keyStorePassword, Optional<KeyStore> trusted,
                     CertificateRenewal renewal) {

    public SipTls {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(keyStorePassword, "keyStorePassword");
        Objects.requireNonNull(trusted, "trusted");
        Objects.requireNonNull(renewal, "renewal");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the TLS port must be within 1-65535");
        }
        keyStorePassword = keyStorePassword.clone();
    }

    /** A certificate that is never renewed while Outdial runs. */
    public SipTls(int port, KeyStore keyStore, char[] keyStorePassword, Optional<KeyStore> trusted) {
        this(port, keyStore, keyStorePassword, trusted, CertificateRenewal.NONE);
    }

    @Override
    public String toString() {
        return "SipTls[port=" + port + "]"; // never the password
    }
}
