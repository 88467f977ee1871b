package dev.outdial.dialing.internal;

import dev.outdial.sip.TlsCertificateStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The certificate SIP over TLS shows, for the operator's alerts: when it expires
 * ({@code outdial_sip_tls_certificate_expiry_timestamp_seconds}, as the blackbox exporter's
 * {@code probe_ssl_earliest_cert_expiry}) and whether its files changed into something that could not be taken
 * ({@code outdial_sip_tls_certificate_renewal_refused}, 1 while so). Only where SIP over TLS is set up; the platform's,
 * so no business sees it.
 */
@Component
class TlsCertificateMetrics {

    TlsCertificateMetrics(MeterRegistry registry, LiveTelephony telephony) {
        telephony.sipAdapter().filter(sip -> sip.tlsCertificate().isPresent()).ifPresent(sip -> {
            Gauge.builder("outdial.sip.tls.certificate.expiry.timestamp", sip,
                            adapter -> shown(adapter).map(status -> status.validUntil().getEpochSecond())
                                    .map(Long::doubleValue).orElse(Double.NaN))
                    .description("When the certificate SIP over TLS shows expires").baseUnit("seconds")
                    .register(registry);
            Gauge.builder("outdial.sip.tls.certificate.renewal.refused", sip,
                            adapter -> shown(adapter).map(status -> status.renewalProblem().isPresent() ? 1.0 : 0.0)
                                    .orElse(Double.NaN))
                    .description("1 while the certificate's files changed into something that could not be taken")
                    .register(registry);
        });
    }

    private static Optional<TlsCertificateStatus> shown(SipAdapter sip) {
        return sip.tlsCertificate();
    }
}
