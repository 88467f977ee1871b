package dev.outdial.dialing.internal;

import dev.outdial.call.LineFence;
import dev.outdial.engine.port.LineRequest;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The call records' {@link LineFence} is this node's pacer lease (issue 14): a call starts only
 * under the epoch this node holds, checked under the lease row's lock; a start fenced off tells
 * {@link PacerLeases} at once that the lease is lost.
 */
@Component
class PacerLeaseFence implements LineFence {

    private final PacerLeases leases;
    private final DialerLeaseRepository rows;

    PacerLeaseFence(PacerLeases leases, DialerLeaseRepository rows) {
        this.leases = leases;
        this.rows = rows;
    }

    @Override
    public Optional<Lease> lease(long businessId) {
        var epoch = leases.epoch(businessId);
        return epoch.isEmpty() ? Optional.empty() : Optional.of(new Lease(leases.node(), epoch.getAsLong()));
    }

    @Override
    public boolean stillHeld(long businessId, Lease lease) {
        return rows.heldUnderLock(businessId, lease.node(), lease.epoch());
    }

    @Override
    public LineRequest.Fenced fenced(long businessId) {
        leases.lost(businessId);
        return new LineRequest.Fenced("node " + leases.node() + " no longer holds the pacer lease of business "
                + businessId + ": another node paces it");
    }
}
