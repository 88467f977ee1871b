package dev.outdial.customer;

import dev.outdial.engine.customer.CustomerStatus;
import java.time.Instant;

/**
 * A campaign customer's shown status changed (SPEC §4.3's statuses), published inside the
 * transaction that writes it, once per change: webhooks and the live dashboard follow it.
 * Customers being added are not a change (they have no status before); see the README.
 *
 * @param attempts      every call made to the customer so far
 * @param cycleAttempts the unanswered attempts of the current contact cycle, which maximum calls counts
 */
public record CustomerStatusChanged(long businessId, long campaignId, long customerId, CustomerStatus from,
                                    CustomerStatus to, int attempts, int cycleAttempts, Instant at) {
}
