package dev.outdial.engine.sim;

import dev.outdial.engine.customer.CampaignRules;
import dev.outdial.engine.customer.CustomerInput;
import dev.outdial.engine.customer.CustomerLifecycle;
import dev.outdial.engine.customer.CustomerState;
import dev.outdial.engine.customer.DialType;
import dev.outdial.engine.customer.CustomerStatus;
import dev.outdial.engine.customer.Transition;
import dev.outdial.engine.port.CustomerStore;
import dev.outdial.engine.rules.DialingOrder;
import dev.outdial.engine.rules.QueuedCustomer;
import dev.outdial.engine.rules.Recipient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Customers in memory, for the simulator and tests. It selects and orders with the same
 * {@link DialingOrder} the live query mirrors; it only keeps two indexes so a day of 20,000
 * customers does not rank every customer for every claim: fresh customers in the order added, and
 * customers waiting for a time (gap, no-callback period, error retry; callback appointments apart) by that time.
 */
public final class InMemoryCustomerStore implements CustomerStore {

    private final Map<Long, Campaign> campaigns = new HashMap<>();
    private long lastId;

    /** Opens a campaign's list; the store needs the campaign's rules to know who is eligible. */
    public void addCampaign(long campaignId, CampaignRules rules) {
        campaigns.put(campaignId, new Campaign(rules));
    }

    /** Adds a fresh customer with {@code number}; ids grow in the order customers are added. */
    public long add(long campaignId, String number, Instant addedAt) {
        return put(campaignId, new QueuedCustomer(++lastId, number, addedAt, CustomerState.fresh()));
    }

    /** A customer with a dialing mode of its own (SPEC §4.3), e.g. previewed inside a predictive campaign. */
    public long add(long campaignId, String number, Instant addedAt, DialType ownMode) {
        return put(campaignId, new QueuedCustomer(++lastId, number, addedAt, CustomerState.fresh(),
                java.util.Optional.of(ownMode)));
    }

    /** Applies an input from outside the engine (a pause, a blacklist sync), as the server would. */
    public Transition apply(long campaignId, long customerId, CustomerInput input, Instant now) {
        Campaign campaign = campaign(campaignId);
        Slot slot = campaign.customers.get(customerId);
        Transition transition = CustomerLifecycle.apply(slot.customer.state(), input, campaign.rules, now);
        if (transition instanceof Transition.Applied applied) {
            campaign.replace(slot, slot.customer.withState(applied.state()));
        }
        return transition;
    }

    /** The campaign's customers as stored now, in the order added: a copy, which later changes leave as it is. */
    public List<QueuedCustomer> customers(long campaignId) {
        return campaign(campaignId).customers.values().stream().map(slot -> slot.customer).toList();
    }

    public CustomerState stateOf(long campaignId, long customerId) {
        return campaign(campaignId).customers.get(customerId).customer.state();
    }

    @Override
    public List<QueuedCustomer> claimNext(long campaignId, Recipient recipient, int max, Instant now, Instant leaseUntil) {
        Campaign campaign = campaign(campaignId);
        Collection<QueuedCustomer> candidates = max == 1 ? campaign.candidatesForOne(recipient, now)
                : campaign.candidates(recipient, max, now);
        List<QueuedCustomer> claimed = new ArrayList<>();
        for (QueuedCustomer next : max == 1 ? campaign.order.firstEligible(candidates, recipient, now).map(List::of).orElse(List.of())
                : campaign.order.eligibleInOrder(candidates, recipient, now)) {
            if (claimed.size() == max) {
                break;
            }
            Transition.Applied applied = CustomerLifecycle.apply(next.state(), new CustomerInput.Claimed(leaseUntil),
                    campaign.rules, now).orElseThrow();
            claimed.add(campaign.replace(campaign.customers.get(next.customerId()), next.withState(applied.state())));
        }
        return claimed;
    }

    /**
     * The customers {@link #claimNext} would give {@code recipient} now, in its order, without claiming
     * them: what the benchmark's {@code oracle} looks at to know whose call it would place.
     */
    public List<QueuedCustomer> peekNext(long campaignId, Recipient recipient, int max, Instant now) {
        Campaign campaign = campaign(campaignId);
        return campaign.order.eligibleInOrder(campaign.candidates(recipient, max, now), recipient, now).stream()
                .limit(max).toList();
    }

    @Override
    public Optional<QueuedCustomer> find(long campaignId, long customerId) {
        Slot slot = campaign(campaignId).customers.get(customerId);
        return slot == null ? Optional.empty() : Optional.of(slot.customer);
    }

    @Override
    public boolean record(long campaignId, long customerId, CustomerState expected, Transition.Applied transition) {
        Campaign campaign = campaign(campaignId);
        Slot slot = campaign.customers.get(customerId);
        // The same object in the usual case (the caller just read it): the record's field-by-field
        // equals only when it is not.
        if (slot == null || slot.customer.state() != expected && !slot.customer.state().equals(expected)) {
            return false;
        }
        campaign.replace(slot, slot.customer.withState(transition.state()));
        return true;
    }

    @Override
    public void updateEach(long campaignId, Collection<Long> customerIds, Function<CustomerState, Transition> step) {
        // A lease beat's renewals: one thread writes the simulation's store, so read, step and replace
        // without the default's Optional and compare-and-set per customer.
        Campaign campaign = campaign(campaignId);
        for (Long customerId : customerIds) {
            Slot slot = campaign.customers.get(customerId);
            if (slot != null && step.apply(slot.customer.state()) instanceof Transition.Applied applied) {
                campaign.replace(slot, slot.customer.withState(applied.state()));
            }
        }
    }

    @Override
    public List<QueuedCustomer> lapsedClaims(long campaignId, Instant now) {
        Campaign campaign = campaign(campaignId);
        if (now.isBefore(campaign.noLeaseEndsBefore)) {
            return List.of();
        }
        // Over every claimed customer: a loop, not a stream. It learns the earliest lease again on the way.
        List<QueuedCustomer> lapsed = new ArrayList<>();
        Instant earliestLease = Instant.MAX;
        for (Slot slot : campaign.claimed.values()) {
            QueuedCustomer customer = slot.customer;
            Instant leaseUntil = customer.state().claim().orElseThrow().leaseUntil();
            if (!leaseUntil.isAfter(now)) {
                lapsed.add(customer);
            }
            if (leaseUntil.isBefore(earliestLease)) {
                earliestLease = leaseUntil;
            }
        }
        campaign.noLeaseEndsBefore = earliestLease;
        return List.copyOf(lapsed);
    }

    @Override
    public Optional<Instant> nextDueAfter(long campaignId, Instant now) {
        // Asked at every pacing round: looked up in the index, not walked past the customers due
        // already (a dozen or more at most rounds of a long day, and more the larger the team).
        Campaign campaign = campaign(campaignId);
        QueuedCustomer probe = Campaign.lastDueAt(now);
        QueuedCustomer next = campaign.waiting.higher(probe);
        QueuedCustomer callback = campaign.callbacks.higher(probe);
        if (next == null || callback != null && Campaign.BY_DUE.compare(callback, next) < 0) {
            next = callback;
        }
        return next == null ? Optional.empty() : next.state().nextAttemptAt();
    }

    private long put(long campaignId, QueuedCustomer customer) {
        campaign(campaignId).add(customer);
        return customer.customerId();
    }

    private Campaign campaign(long campaignId) {
        Campaign campaign = campaigns.get(campaignId);
        if (campaign == null) {
            throw new IllegalArgumentException("no campaign " + campaignId + " in the store");
        }
        return campaign;
    }

    /** Where a customer's current record is kept: a change of state rewrites the slot, not the maps that hold it. */
    private static final class Slot {
        private QueuedCustomer customer;
    }

    private static final class Campaign {

        /**
         * By when added, then id. Written out rather than {@code Comparator.comparing(…).thenComparing(…)}:
         * every change of a customer's state moves it in these indexes, a million comparisons a day.
         */
        private static final Comparator<QueuedCustomer> BY_ADDED = (a, b) -> {
            int byAdded = a.addedAt().compareTo(b.addedAt());
            return byAdded != 0 ? byAdded : Long.compare(a.customerId(), b.customerId());
        };
        /** By when the next attempt is due, then id. */
        private static final Comparator<QueuedCustomer> BY_DUE = (a, b) -> {
            int byDue = a.state().nextAttemptAt().orElseThrow().compareTo(b.state().nextAttemptAt().orElseThrow());
            return byDue != 0 ? byDue : Long.compare(a.customerId(), b.customerId());
        };

        /**
         * After every customer due at {@code at} in {@link #waiting}'s order (the largest id), before
         * any due later: what the index is asked about to find the first customer due after a time.
         */
        static QueuedCustomer lastDueAt(Instant at) {
            return new QueuedCustomer(Long.MAX_VALUE, "", at, new CustomerState(CustomerStatus.RETRY, Set.of(),
                    Optional.empty(), 0, 0, 0, Optional.empty(), Optional.of(at), Optional.empty()));
        }

        private final CampaignRules rules;
        private final DialingOrder order;
        /** Every customer, in the order added, each in its own slot. */
        private final Map<Long, Slot> customers = new LinkedHashMap<>();
        /** Fresh customers free to claim, in the order added. */
        private final NavigableSet<QueuedCustomer> fresh = new TreeSet<>(BY_ADDED);
        /** Customers free to claim once their next attempt is due, by that time; callbacks apart. */
        private final NavigableSet<QueuedCustomer> waiting = new TreeSet<>(BY_DUE);
        /** Callback appointments free to claim once due, by that time: they come before everyone else. */
        private final NavigableSet<QueuedCustomer> callbacks = new TreeSet<>(BY_DUE);
        /**
         * The claimed customers' slots (the same slots): the lapsed claims are looked for among them with
         * no lookup each in the map of all customers (120,000 in a day, a few hundred claimed).
         */
        private final Map<Long, Slot> claimed = new HashMap<>();
        /**
         * No claimed customer's lease ends before this: at most the earliest of their leases, lowered by
         * every lease stored and learnt again by every walk for lapsed claims. A lease beat renews every
         * customer the node holds, then asks for the lapsed claims: the walk that follows finds the
         * earliest lease a whole lease ahead, so the next two beats (one every third of a lease) are
         * answered without a walk.
         */
        private Instant noLeaseEndsBefore = Instant.MAX;

        private Campaign(CampaignRules rules) {
            this.rules = rules;
            this.order = new DialingOrder(rules);
        }

        /**
         * Everyone who may be first for {@code recipient}: every waiting customer due now, and as many
         * fresh ones, in the order added, as could be claimed. The dialing order decides among them.
         */
        Collection<QueuedCustomer> candidates(Recipient recipient, int max, Instant now) {
            List<QueuedCustomer> candidates = new ArrayList<>();
            addDue(callbacks, now, candidates);
            addDue(waiting, now, candidates);
            addFresh(recipient, max, candidates);
            return candidates;
        }

        /**
         * The candidates that can be first for {@code recipient}, for a claim of one (every pool dial):
         * {@link #candidates} but the waiting customers due after the first due retry the recipient may
         * take, and after that retry's instant. The order ranks due retries by when due (then when
         * added and id) after every callback and before fresh customers and error retries, so none of
         * those can come first; a long day keeps a dozen or more retries due, and ranking them all at
         * every claim showed in its profile.
         */
        Collection<QueuedCustomer> candidatesForOne(Recipient recipient, Instant now) {
            List<QueuedCustomer> candidates = new ArrayList<>();
            addDue(callbacks, now, candidates);
            Instant firstRetryDue = null;
            for (QueuedCustomer due : waiting) {
                Instant at = due.state().nextAttemptAt().orElseThrow();
                if (at.isAfter(now) || firstRetryDue != null && !at.equals(firstRetryDue)) {
                    break;
                }
                candidates.add(due);
                if (firstRetryDue == null && order.isDueRetryFor(due, recipient, now)) {
                    firstRetryDue = at;
                }
            }
            addFresh(recipient, 1, candidates);
            return candidates;
        }

        private static void addDue(NavigableSet<QueuedCustomer> index, Instant now, List<QueuedCustomer> candidates) {
            for (QueuedCustomer due : index) {
                if (due.state().nextAttemptAt().orElseThrow().isAfter(now)) {
                    break;
                }
                candidates.add(due);
            }
        }

        private void addFresh(Recipient recipient, int max, List<QueuedCustomer> candidates) {
            int freshTaken = 0;
            // An empty set is not asked: asking it for an id boxes the id.
            boolean declines = !recipient.declined().isEmpty();
            for (QueuedCustomer next : fresh) {
                if (freshTaken == max) {
                    break;
                }
                if (!declines || !recipient.declined().contains(next.customerId())) {
                    candidates.add(next);
                    freshTaken++;
                }
            }
        }

        /** Adds a customer new to the store. */
        void add(QueuedCustomer customer) {
            Slot slot = new Slot();
            slot.customer = customer;
            if (customers.putIfAbsent(customer.customerId(), slot) != null) {
                throw new IllegalArgumentException("customer " + customer.customerId() + " is in the store already");
            }
            reindex(slot, null, customer);
        }

        /** Stores {@code customer}, in {@code slot}, as its new state. */
        QueuedCustomer replace(Slot slot, QueuedCustomer customer) {
            QueuedCustomer previous = slot.customer;
            slot.customer = customer;
            if (previous.state().isClaimed() && customer.state().isClaimed()) {
                // Claimed before and after (dialed, a lease renewed): in no index, and claimed still.
                noteLease(customer);
                return customer;
            }
            reindex(slot, previous, customer);
            return customer;
        }

        /** Keeps {@link #noLeaseEndsBefore} at most the lease of {@code customer}, claimed. */
        private void noteLease(QueuedCustomer customer) {
            Instant leaseUntil = customer.state().claim().orElseThrow().leaseUntil();
            if (leaseUntil.isBefore(noLeaseEndsBefore)) {
                noLeaseEndsBefore = leaseUntil;
            }
        }

        private void reindex(Slot slot, QueuedCustomer previous, QueuedCustomer customer) {
            if (previous != null) {
                claimed.remove(previous.customerId());
                NavigableSet<QueuedCustomer> index = indexOf(previous.state());
                if (index != null) {
                    index.remove(previous);
                }
            }
            if (customer.state().isClaimed()) {
                claimed.put(customer.customerId(), slot);
                noteLease(customer);
            }
            NavigableSet<QueuedCustomer> index = indexOf(customer.state());
            if (index != null) {
                index.add(customer);
            }
        }

        /** Where a customer free to claim is indexed; null while claimed, held, or with nothing due. */
        private NavigableSet<QueuedCustomer> indexOf(CustomerState state) {
            if (state.isClaimed() || state.isHeld()) {
                return null;
            }
            if (state.progress() == CustomerStatus.NEW) {
                return fresh;
            }
            if (state.nextAttemptAt().isEmpty()) {
                return null;
            }
            return state.progress() == CustomerStatus.CALLBACK ? callbacks : waiting;
        }
    }
}
