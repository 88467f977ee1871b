package dev.outdial.engine.rules;

import dev.outdial.engine.customer.CustomerState;
import java.time.Instant;
import java.util.Objects;

/**
 * A customer of a campaign as the dialing order sees it.
 *
 * @param customerId the store's id; ids grow in the order customers are added, so they break
 *                   ties between customers added at the same instant (one import)
 * @param addedAt    when the customer was added to the campaign
 */
public record QueuedCustomer(long customerId, Instant addedAt, CustomerState state) {

    public QueuedCustomer {
        Objects.requireNonNull(addedAt, "addedAt");
        Objects.requireNonNull(state, "state");
    }
}
