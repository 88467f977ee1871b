package dev.outdial.engine.port;

import dev.outdial.engine.customer.CustomerState;
import dev.outdial.engine.customer.Transition;
import dev.outdial.engine.rules.QueuedCustomer;
import dev.outdial.engine.rules.Recipient;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the customers of campaigns and their states live: the database live, memory in a simulation.
 *
 * <p>Claiming must be atomic across nodes (live: {@code SELECT … FOR UPDATE SKIP LOCKED}, then
 * {@code UPDATE}, in one transaction), so that no customer is claimed twice, and must select and
 * order exactly as {@link dev.outdial.engine.rules.DialingOrder} does; its Javadoc gives the query.
 * The store knows each campaign's {@code CampaignRules} (maximum calls, callback grace) from the
 * campaign's settings.
 *
 * <p>The lease is how a crashed node's customers come back: the engine renews the leases it holds
 * ({@code LeaseRenewed}) well before they lapse, so a lease that lapses means its holder is gone;
 * {@link #lapsedClaims} finds them for {@code LeaseExpired}, which also closes a call left open.
 */
public interface CustomerStore {

    /**
     * Claims up to {@code max} of the campaign's customers that {@code recipient} may receive at
     * {@code now}, first to serve first, each as if {@code CustomerInput.Claimed(leaseUntil)} had
     * been applied (and recorded); returns them in their claimed state.
     */
    List<QueuedCustomer> claimNext(long campaignId, Recipient recipient, int max, Instant now, Instant leaseUntil);

    /** The customer as stored now, if it is (still) in the campaign. */
    Optional<QueuedCustomer> find(long campaignId, long customerId);

    /**
     * Stores a transition of the customer and hands its events on for publishing, if the stored
     * state is still {@code expected}; returns false (storing nothing) when someone else changed
     * the customer meanwhile (an admin's pause, a blacklist sync, another node), so the caller
     * reloads and decides again.
     */
    boolean record(long campaignId, long customerId, CustomerState expected, Transition.Applied transition);

    /**
     * Applies {@code step} to the customer as stored now and stores the transition if it applied,
     * nobody changing the customer in between: the transition (applied or rejected), or empty when
     * the customer is no longer in the campaign. This default reloads and compares-and-sets until
     * nobody changed the customer meanwhile; a store that can lock the customer does it in one
     * transaction instead (issue 18: a read, then a compare-and-set, cost two commits a step).
     */
    default Optional<Transition> update(long campaignId, long customerId, Function<CustomerState, Transition> step) {
        // Conflicts are rare (a few writers per customer); this many in a row means something is wrong.
        int maxConflicts = 10;
        for (int conflict = 0; conflict < maxConflicts; conflict++) {
            Optional<QueuedCustomer> stored = find(campaignId, customerId);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            Transition transition = step.apply(stored.get().state());
            if (!(transition instanceof Transition.Applied applied)
                    || record(campaignId, customerId, stored.get().state(), applied)) {
                return Optional.of(transition);
            }
        }
        throw new IllegalStateException("customer " + customerId + " of campaign " + campaignId + " changed "
                + maxConflicts + " times while a step was applied to it");
    }

    /**
     * Applies {@code step} to each of {@code customerIds} as {@link #update} does, storing each
     * transition that applied; customers no longer in the campaign, and rejections, are skipped. A
     * lease beat renews every customer the node holds this way, in one call. This default updates
     * them one by one; a store that can lock and write them together does (one locked read, one commit).
     */
    default void updateEach(long campaignId, Collection<Long> customerIds, Function<CustomerState, Transition> step) {
        for (long customerId : customerIds) {
            update(campaignId, customerId, step);
        }
    }

    /** Customers of the campaign whose claim lapsed at or before {@code now}, for {@code LeaseExpired}. */
    List<QueuedCustomer> lapsedClaims(long campaignId, Instant now);

    /**
     * The earliest instant after {@code now} at which a customer of the campaign waiting for its gap,
     * callback appointment, no-callback period or error retry becomes due: when the pacing loop wakes
     * up without anything else happening. Empty when none is waiting. A store that keeps the answer a
     * while may say an earlier instant instead, at which the loop asks again; never a later one.
     */
    Optional<Instant> nextDueAfter(long campaignId, Instant now);
}
