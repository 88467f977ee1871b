package dev.outdial.engine.call;

import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.customer.CustomerEvent;
import dev.outdial.engine.customer.CustomerInput;
import dev.outdial.engine.customer.Transition;
import dev.outdial.engine.port.CallLog;
import dev.outdial.engine.port.CallRecord;
import dev.outdial.engine.port.CustomerStore;
import dev.outdial.engine.rules.QueuedCustomer;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Gives back what a crashed holder left: customers whose lease lapsed come back eligible, and a
 * call left open is closed as NETWORK_ERROR, the business's own error, which "does not consume the
 * customer's attempts" (issue 5: after a kill, every call that was up is closed, nothing is lost).
 */
public final class LapsedClaims {

    private final long campaignId;
    private final CustomerStore store;
    private final CustomerUpdates updates;
    private final CallLog log;

    public LapsedClaims(CampaignSettings settings, CustomerStore store, CallLog log) {
        this.campaignId = settings.campaignId();
        this.store = store;
        this.updates = new CustomerUpdates(store, campaignId, settings.rules());
        this.log = log;
    }

    /** Expires the lapsed claims of the campaign, except those {@code heldHere}, which this node still serves. */
    public int expire(Instant now, Set<Long> heldHere) {
        int expired = 0;
        for (QueuedCustomer lapsed : store.lapsedClaims(campaignId, now)) {
            if (heldHere.contains(lapsed.customerId())) {
                continue;
            }
            if (log.atomically(() -> expire(lapsed.customerId(), now))) {
                expired++;
            }
        }
        return expired;
    }

    /** The customer's claim given back, and the call it was on closed with it. */
    private boolean expire(long customerId, Instant now) {
        Optional<Transition> transition = updates.apply(customerId, new CustomerInput.LeaseExpired(), now);
        if (!(transition.orElse(null) instanceof Transition.Applied applied)) {
            return false;
        }
        Optional<CallRecord> open = log.openCallOf(campaignId, customerId);
        if (applied.events().contains(new CustomerEvent.ClaimLapsed(true))) {
            open.ifPresent(call -> log.save(call.ended(now, CallResult.NETWORK_ERROR)));
        } else {
            // Its line was taken but the node died before the customer was stored dialed: telephony is
            // asked only after that, so nothing was placed, and the line is given back as the gate would.
            open.ifPresent(call -> log.cancelLine(call.id()));
        }
        return true;
    }
}
