package dev.outdial.engine.call;

import dev.outdial.engine.customer.CampaignRules;
import dev.outdial.engine.customer.CustomerInput;
import dev.outdial.engine.customer.CustomerLifecycle;
import dev.outdial.engine.customer.Transition;
import dev.outdial.engine.port.CustomerStore;
import dev.outdial.engine.rules.QueuedCustomer;
import java.time.Instant;
import java.util.Optional;

/**
 * Applies an input to a stored customer as one compare-and-set: reload, apply the state machine,
 * store if nobody changed the customer meanwhile, else again. An admin's pause or a blacklist sync
 * may land between two steps of a call; the call's own input then applies on top of it.
 */
public final class CustomerUpdates {

    /** Conflicts are rare (a few writers per customer); this many in a row means something is wrong. */
    private static final int MAX_CONFLICTS = 10;

    private final CustomerStore store;
    private final long campaignId;
    private final CampaignRules rules;

    public CustomerUpdates(CustomerStore store, long campaignId, CampaignRules rules) {
        this.store = store;
        this.campaignId = campaignId;
        this.rules = rules;
    }

    /** The transition applied and stored, or the rejection; empty when the customer left the campaign. */
    public Optional<Transition> apply(long customerId, CustomerInput input, Instant now) {
        for (int conflict = 0; conflict < MAX_CONFLICTS; conflict++) {
            Optional<QueuedCustomer> stored = store.find(campaignId, customerId);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            Transition transition = CustomerLifecycle.apply(stored.get().state(), input, rules, now);
            if (!(transition instanceof Transition.Applied applied)
                    || store.record(campaignId, customerId, stored.get().state(), applied)) {
                return Optional.of(transition);
            }
        }
        throw new IllegalStateException("customer " + customerId + " of campaign " + campaignId
                + " changed " + MAX_CONFLICTS + " times while applying " + input);
    }
}
