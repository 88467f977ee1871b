package dev.outdial.engine.port;

import dev.outdial.engine.customer.CustomerState;
import dev.outdial.engine.customer.Transition;
import dev.outdial.engine.rules.QueuedCustomer;
import dev.outdial.engine.rules.Recipient;
import java.time.Instant;
import java.util.List;

/**
 * Where the customers of campaigns and their states live: the database live, memory in a simulation.
 *
 * <p>Claiming must be atomic across nodes (live: {@code SELECT … FOR UPDATE SKIP LOCKED}, then
 * {@code UPDATE}, in one transaction), so that no customer is claimed twice, and must select and
 * order exactly as {@link dev.outdial.engine.rules.DialingOrder} does; its Javadoc gives the query.
 */
public interface CustomerStore {

    /**
     * Claims up to {@code max} of the campaign's customers that {@code recipient} may receive at
     * {@code now}, first to serve first, each as if {@code CustomerInput.Claimed(leaseUntil)} had
     * been applied; returns them in their claimed state.
     */
    List<QueuedCustomer> claimNext(long campaignId, Recipient recipient, int max, Instant now, Instant leaseUntil);

    /**
     * Stores a transition of the customer and hands its events on for publishing, if the stored
     * state is still {@code expected}; returns false (storing nothing) when another node changed
     * the customer meanwhile, so the caller reloads and decides again.
     */
    boolean record(long customerId, CustomerState expected, Transition.Applied transition);

    /** Customers of the campaign whose claim lapsed before {@code now}, for {@code LeaseExpired}. */
    List<QueuedCustomer> lapsedClaims(long campaignId, Instant now);
}
