package dev.outdial.engine.customer;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer taken for a call: distributed to an agent or being dialed, under a lease.
 *
 * <p>The lease lets a crashed node's customers come back (ARCHITECTURE §4): once it has lapsed,
 * {@link CustomerInput.LeaseExpired} releases the customer, and closes an open call as a
 * network error.
 *
 * @param leaseUntil when the claim lapses unless renewed
 * @param onCall     whether a call to the customer has been placed and not yet ended
 */
public record Claim(Instant leaseUntil, boolean onCall) {

    public Claim {
        Objects.requireNonNull(leaseUntil, "leaseUntil");
    }

    Claim renewedUntil(Instant newLeaseUntil) {
        return new Claim(newLeaseUntil, onCall);
    }

    Claim dialing() {
        return new Claim(leaseUntil, true);
    }
}
