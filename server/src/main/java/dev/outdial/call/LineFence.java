package dev.outdial.call;

import dev.outdial.engine.port.LineRequest;
import java.util.Optional;

/**
 * Who may open a line for a business (issue 14): the dialing module's pacer lease, which the call
 * records check in the very transaction that records a call start, so that neither a node that lost
 * its lease nor two starts racing can take a line past the contract. Dialing implements it; the call
 * records only ask.
 */
public interface LineFence {

    /** The lease this node dials the business under, or empty when it does not pace the business. */
    Optional<Lease> lease(long businessId);

    /**
     * Whether {@code lease} is still this node's, checked under the lease row's lock: called inside
     * the call start's transaction, so a taker of the lease waits for the start to commit.
     */
    boolean stillHeld(long businessId, Lease lease);

    /** The start was fenced off: this node paces the business no more, and the engine is told why. */
    LineRequest.Fenced fenced(long businessId);

    /** A node's lease of a business's pacing at an epoch, recorded with each call it starts. */
    record Lease(String node, long epoch) {
    }
}
