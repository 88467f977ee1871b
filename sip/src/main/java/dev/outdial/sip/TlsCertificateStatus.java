package dev.outdial.sip;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The certificate Outdial shows in its TLS handshakes, for the operator who renews it.
 *
 * @param subject        whom it names (its subject's distinguished name)
 * @param validUntil     when it expires
 * @param shownSince     since when handshakes show it: the start, or its renewal
 * @param renewalProblem why the certificate's files, changed since, were not taken; empty when the last change was
 */
public record TlsCertificateStatus(String subject, Instant validUntil, Instant shownSince,
                                   Optional<String> renewalProblem) {

    /** How long before its expiry a certificate is told as expiring: certbot renews 30 days before. */
    public static final Duration EXPIRING = Duration.ofDays(14);

    public TlsCertificateStatus {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(shownSince, "shownSince");
        Objects.requireNonNull(renewalProblem, "renewalProblem");
    }

    /** Whether it expires within {@link #EXPIRING} of {@code now}, or has expired: time to renew it. */
    public boolean expiringAt(Instant now) {
        return !now.isBefore(validUntil.minus(EXPIRING));
    }
}
