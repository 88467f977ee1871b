package dev.outdial.engine.call;

import dev.outdial.engine.customer.CampaignRules;
import dev.outdial.engine.customer.CustomerInput;
import dev.outdial.engine.customer.CustomerLifecycle;
import dev.outdial.engine.customer.CustomerState;
import dev.outdial.engine.customer.Transition;
import dev.outdial.engine.port.CustomerStore;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;

/**
 * Applies an input to a stored customer through the state machine, as one step of the store
 * ({@link CustomerStore#update}): nobody's change lands between the customer read and the write. An
 * admin's pause or a blacklist sync may land between two steps of a call; the call's own input then
 * applies on top of it.
 */
public final class CustomerUpdates {

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
        return store.update(campaignId, customerId, step(input, now));
    }

    /** The same input applied to each customer, in one call of the store; rejections and departed customers skipped. */
    public void applyEach(Collection<Long> customerIds, CustomerInput input, Instant now) {
        store.updateEach(campaignId, customerIds, step(input, now));
    }

    private Function<CustomerState, Transition> step(CustomerInput input, Instant now) {
        return state -> CustomerLifecycle.apply(state, input, rules, now);
    }
}
