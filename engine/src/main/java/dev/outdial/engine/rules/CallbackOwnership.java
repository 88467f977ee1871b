package dev.outdial.engine.rules;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CustomerState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * "A callback appointment is owned by the agent who set it: at its time the customer is
 * distributed to that agent first (manual: on the agent's next 'get customer'). If that agent is
 * not logged in to the campaign within 15 minutes of the appointment, any agent of the campaign
 * may receive it."
 *
 * <p>So within the grace the callback waits for its owner alone; after it, it is open to anyone
 * unless the owner is logged in, who then still receives it first.
 */
public final class CallbackOwnership {

    private final Duration ownerGrace;

    public CallbackOwnership(Duration ownerGrace) {
        this.ownerGrace = ownerGrace;
    }

    /** Whether {@code recipient} may receive the customer's due callback at {@code now}. */
    public boolean mayReceive(CustomerState customer, Recipient recipient, Instant now) {
        Optional<AgentId> owner = customer.callbackOwner();
        Optional<Instant> appointment = customer.callbackAppointment();
        if (owner.isEmpty() || appointment.isEmpty() || recipient.is(owner.get())) {
            return true;
        }
        boolean graceOver = !now.isBefore(appointment.get().plus(ownerGrace));
        return graceOver && !recipient.loggedInAgents().contains(owner.get());
    }

    /** Whether the callback is {@code recipient}'s own, to be served before anyone else's. */
    public boolean isOwnedBy(CustomerState customer, Recipient recipient) {
        return customer.callbackOwner().filter(recipient::is).isPresent();
    }
}
