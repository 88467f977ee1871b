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

    /**
     * @param state     UNKNOWN (not checked yet), UP or DOWN
     * @param checkedAt when the trunk last answered or failed to
     * @param detail    the status line or the failure
     */
    record Report(String state, Optional<Instant> checkedAt, String detail) {
    }
}
