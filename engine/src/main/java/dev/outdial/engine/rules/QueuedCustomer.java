package dev.outdial.engine.rules;

import dev.outdial.engine.customer.CustomerState;
import dev.outdial.engine.customer.DialType;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer of a campaign as the dialing order sees it.
 *
 * @param customerId  the store's id; ids grow in the order customers are added, so they break
 *                    ties between customers added at the same instant (one import)
 * @param phoneNumber the number a call to the customer dials (its primary number, E.164)
 * @param addedAt     when the customer was added to the campaign
 * @param ownMode     the customer's own dialing mode when it is not the campaign's (SPEC §4.3: "e.g.
 *                    preview inside a predictive campaign")
 */
public record QueuedCustomer(long customerId, String phoneNumber, Instant addedAt, CustomerState state,
                             Optional<DialType> ownMode) {

    public QueuedCustomer {
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        Objects.requireNonNull(addedAt, "addedAt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(ownMode, "ownMode");
    }

    /** A customer dialed as its campaign says. */
    public QueuedCustomer(long customerId, String phoneNumber, Instant addedAt, CustomerState state) {
        this(customerId, phoneNumber, addedAt, state, Optional.empty());
    }

    /** The same customer in the state a transition left it in. */
    public QueuedCustomer withState(CustomerState newState) {
        return new QueuedCustomer(customerId, phoneNumber, addedAt, newState, ownMode);
    }

    /** Whether an agent previews this customer before it is dialed, whatever the campaign's own mode. */
    public boolean previewedByItself() {
        return ownMode.filter(mode -> mode == DialType.PREVIEW).isPresent();
    }
}
