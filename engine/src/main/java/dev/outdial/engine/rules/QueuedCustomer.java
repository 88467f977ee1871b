package dev.outdial.engine.rules;

import dev.outdial.engine.customer.CustomerState;
import java.time.Instant;
import java.util.Objects;

/**
 * A customer of a campaign as the dialing order sees it.
 *
 * @param customerId  the store's id; ids grow in the order customers are added, so they break
 *                    ties between customers added at the same instant (one import)
 * @param phoneNumber the number a call to the customer dials (its primary number, E.164)
 * @param addedAt     when the customer was added to the campaign
 */
public record QueuedCustomer(long customerId, String phoneNumber, Instant addedAt, CustomerState state) {

    public QueuedCustomer {
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        Objects.requireNonNull(addedAt, "addedAt");
        Objects.requireNonNull(state, "state");
    }

    /** The same customer in the state a transition left it in. */
    public QueuedCustomer withState(CustomerState newState) {
        return new QueuedCustomer(customerId, phoneNumber, addedAt, newState);
    }
}
