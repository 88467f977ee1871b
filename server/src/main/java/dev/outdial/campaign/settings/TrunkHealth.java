package dev.outdial.campaign.settings;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How the carrier's trunk, which every hotline's calls go through, answers now: told by the
 * telephony (the dialing module) with real calls, empty with the simulated carrier.
 */
public interface TrunkHealth {

    Optional<Report> report();

    /** Whether this node is registered with the trunk, where it registers ({@code sip.trunk.register}). */
    Optional<Report> registration();

    /**
     * What the carrier's trunks answered the business's calls in the last hour, by trunk and status (in that order);
     * empty with the simulated carrier.
     */
    default List<AnswerCount> recentAnswers(long businessId) {
        return List.of();
    }

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
     * @param trunk   the trunk, host:port
     * @param status  the final response's status; 0 where the trunk answered nothing
     * @param answers how many calls it answered so
     */
    record AnswerCount(String trunk, int status, long answers) {
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
