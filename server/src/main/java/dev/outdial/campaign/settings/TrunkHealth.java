package dev.outdial.campaign.settings;

import java.time.Instant;
import java.util.Optional;

/**
 * How the carrier's trunk, which every hotline's calls go through, answers now: told by the
 * telephony (the dialing module) with real calls, empty with the simulated carrier.
 */
public interface TrunkHealth {

    Optional<Report> report();

    /** Whether this node is registered with the trunk, where it registers ({@code sip.trunk.register}). */
    Optional<Report> registration();

    /** The certificate SIP over TLS shows carriers and phones, where it is set up. */
    default Optional<Certificate> certificate() {
        return Optional.empty();
    }

    /**
     * @param state     UNKNOWN (not checked yet), UP or DOWN
     * @param checkedAt when the trunk last answered or failed to
     * @param detail    the status line or the failure
     */
    record Report(String state, Optional<Instant> checkedAt, String detail) {
    }

    /**
     * @param subject        whom it names
     * @param validUntil     when it expires
     * @param shownSince     since when it is shown: the start, or its renewal
     * @param renewalProblem why its files, changed since, were not taken; empty when the last change was
     * @param expiring       whether it expires within two weeks, or has expired: renew it
     */
    record Certificate(String subject, Instant validUntil, Instant shownSince, Optional<String> renewalProblem,
                       boolean expiring) {
    }
}
