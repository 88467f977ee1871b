package dev.outdial.sip;

import java.security.KeyStore;
import java.util.Optional;

/**
 * Where a renewed certificate of Outdial's comes from. Certificates are short-lived (certbot renews every 60 days), and
 * a dialer is not restarted in the middle of a working day for one: Outdial asks this every minute and shows the
 * renewed certificate in every handshake from then on, while the connections already open go on as they are.
 */
@FunctionalInterface
public interface CertificateRenewal {

    /** A certificate given once, never renewed. */
    CertificateRenewal NONE = Optional::empty;

    /**
     * Outdial's certificate and its key anew, opened by the password of the first, when the files they come from
     * changed since the last time asked; empty while they have not.
     *
     * @throws IllegalArgumentException the files changed but hold no certificate that can be used (half written, a
     *                                  key of another certificate…): why, told once for each change
     */
    Optional<KeyStore> renewed();
}
