package dev.outdial.sip;

import dev.outdial.sip.signal.ShownCertificate;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a renewal of Outdial's certificate while it runs ({@link CertificateRenewal}), and tells the operator, in the
 * log and in its {@link #status()}, which certificate is shown, a renewal that could not be taken, and one that
 * expires soon.
 */
final class CertificateRenewals {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateRenewals.class);
    /** How often the log tells of an expiry that is near. */
    private static final Duration WARNED_EVERY = Duration.ofDays(1);

    private final ShownCertificate shown;
    private final SipTls tls;
    private final Clock clock;
    private volatile TlsCertificateStatus status;
    private Optional<Instant> expiryWarned = Optional.empty();

    CertificateRenewals(ShownCertificate shown, SipTls tls, Clock clock) {
        this.shown = shown;
        this.tls = tls;
        this.clock = clock;
        this.status = statusOf(shown.certificate(), Optional.empty());
        LOG.info("SIP over TLS shows the certificate of {}, valid until {}", status.subject(), status.validUntil());
        warnIfExpiring();
    }

    TlsCertificateStatus status() {
        return status;
    }

    /** Shows the renewed certificate where its files changed and hold a usable one; keeps the one shown otherwise. */
    synchronized void check() {
        try {
            Optional<KeyStore> renewed = tls.renewal().renewed();
            if (renewed.isPresent()) {
                shown.use(renewed.get(), tls.keyStorePassword());
                status = statusOf(shown.certificate(), Optional.empty());
                expiryWarned = Optional.empty();
                LOG.info("SIP over TLS: the renewed certificate of {}, valid until {}, is shown from now on",
                        status.subject(), status.validUntil());
            }
        } catch (IllegalArgumentException | GeneralSecurityException cannotUse) {
            String why = cannotUse.getMessage();
            status = new TlsCertificateStatus(status.subject(), status.validUntil(), status.shownSince(),
                    Optional.of(why));
            LOG.warn("SIP over TLS: the certificate's files changed but cannot be used, so the certificate of {} is "
                    + "still shown: {}", status.subject(), why);
        } catch (RuntimeException unexpected) {
            LOG.warn("SIP over TLS: the certificate's files could not be checked for a renewal", unexpected);
        }
        warnIfExpiring();
    }

    private TlsCertificateStatus statusOf(X509Certificate certificate, Optional<String> problem) {
        return new TlsCertificateStatus(certificate.getSubjectX500Principal().getName(),
                certificate.getNotAfter().toInstant(), clock.instant(), problem);
    }

    private void warnIfExpiring() {
        Instant now = clock.instant();
        Instant expiry = status.validUntil();
        if (!status.expiringAt(now) || expiryWarned.filter(at -> now.isBefore(at.plus(WARNED_EVERY))).isPresent()) {
            return;
        }
        expiryWarned = Optional.of(now);
        if (now.isBefore(expiry)) {
            LOG.warn("SIP over TLS: the certificate of {} expires at {}, in {} days: renew its files (taken within a "
                    + "minute, no restart)", status.subject(), expiry, Duration.between(now, expiry).toDays());
        } else {
            LOG.warn("SIP over TLS: the certificate of {} expired at {}: carriers and phones refuse it; renew its "
                    + "files (taken within a minute, no restart)", status.subject(), expiry);
        }
    }
}
