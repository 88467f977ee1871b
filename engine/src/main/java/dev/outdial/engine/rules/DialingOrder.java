package dev.outdial.engine.rules;

import dev.outdial.engine.customer.CampaignRules;
import dev.outdial.engine.customer.CustomerState;
import dev.outdial.engine.customer.Eligibility;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which customers of a campaign are eligible now, for whom, and in what order: due callbacks
 * first (the recipient's own before those released to anyone), then retries that are due, then
 * new customers in the order added, then retries after business-side errors, which wait "after
 * the fresh data is exhausted".
 *
 * <p>The store claims customers with queries that mirror this class: the database store asks one
 * {@link Tier} at a time, in order, each served by its own index, and stops at the first tier that
 * has an eligible customer; taken together they are this single query (a plain sort key over
 * columns), which {@code CustomerStoreContractTest} proves they agree with:
 * <pre>{@code
 * WHERE no hold AND no claim AND cycle_attempts < :max_calls AND (
 *         progress = 'NEW'
 *      OR progress IN ('CALLBACK', 'RETRY', 'DO_NOT_CALL_BACK') AND next_attempt_at <= :now
 *      OR progress = 'ERROR' AND last_result IN ('HOTLINE_ERROR', 'NETWORK_ERROR', 'AGENT_TIMEOUT')
 *                            AND business_errors <= :error_retry_limit AND next_attempt_at <= :now)
 *   AND (progress <> 'CALLBACK' OR callback_owner = :agent
 *        OR next_attempt_at + :owner_grace <= :now AND callback_owner NOT IN (:logged_in_agents))
 *   AND id NOT IN (:declined)
 * ORDER BY CASE WHEN progress = 'CALLBACK' AND callback_owner = :agent THEN 0   -- OWN_CALLBACK
 *               WHEN progress = 'CALLBACK' THEN 1                              -- RELEASED_CALLBACK
 *               WHEN progress IN ('RETRY', 'DO_NOT_CALL_BACK') THEN 2          -- DUE_RETRY
 *               WHEN progress = 'NEW' THEN 3                                   -- FRESH
 *               ELSE 4 END,                                                    -- ERROR_RETRY
 *          next_attempt_at NULLS FIRST, added_at, id
 * }</pre>
 * A claim whose lease has lapsed still counts as a claim until the store applies
 * {@code LeaseExpired} to it, which also closes a call its crashed holder left open.
 */
public final class DialingOrder {

    /** The kinds of work in the order they are served; the ordinal is the sort key's first part. */
    public enum Tier { OWN_CALLBACK, RELEASED_CALLBACK, DUE_RETRY, FRESH, ERROR_RETRY }

    /** {@link #compare} of two ranked customers, for the sort of {@link #eligibleInOrder}. */
    private static final Comparator<Ranked> ORDER = (a, b) -> compare(a.tier(), a.customer(), b.tier(), b.customer());
    /** Each tier's answer made once ({@link #tierOf}, asked of every candidate of every claim). */
    private static final List<Optional<Tier>> TIERS = Arrays.stream(Tier.values()).map(Optional::of).toList();

    private final CampaignRules rules;
    private final CallbackOwnership callbackOwnership;

    public DialingOrder(CampaignRules rules) {
        this.rules = rules;
        this.callbackOwnership = new CallbackOwnership(rules.callbackOwnerGrace());
    }

    /** The customers {@code recipient} may receive at {@code now}, first to serve first. */
    public List<QueuedCustomer> eligibleInOrder(Collection<QueuedCustomer> customers, Recipient recipient, Instant now) {
        return customers.stream()
                .flatMap(customer -> ranked(customer, recipient, now).stream())
                .sorted(ORDER)
                .map(Ranked::customer)
                .toList();
    }

    /**
     * The first of {@link #eligibleInOrder}, without ranking the rest: a claim of one customer (every
     * pool dial) asks this, and sorting a stream of its few candidates showed in a day's profile.
     */
    public Optional<QueuedCustomer> firstEligible(Collection<QueuedCustomer> customers, Recipient recipient, Instant now) {
        // Kept as a tier and a customer rather than a ranked pair in an Optional per candidate: the
        // claims' allocations were an eighth of a simulated day's.
        QueuedCustomer first = null;
        Tier firstTier = null;
        for (QueuedCustomer customer : customers) {
            Tier tier = tierFor(customer, recipient, now);
            if (tier != null && (first == null || compare(tier, customer, firstTier, first) < 0)) {
                first = customer;
                firstTier = tier;
            }
        }
        return Optional.ofNullable(first);
    }

    /**
     * Whether {@code recipient} may receive the customer now as a due retry: the tier after the
     * callbacks, where customers rank by when they were due.
     */
    public boolean isDueRetryFor(QueuedCustomer customer, Recipient recipient, Instant now) {
        return tierFor(customer, recipient, now) == Tier.DUE_RETRY;
    }

    /** The customer with its place in the order, unless {@code recipient} declined it or may not receive it now. */
    private Optional<Ranked> ranked(QueuedCustomer customer, Recipient recipient, Instant now) {
        Tier tier = tierFor(customer, recipient, now);
        return tier == null ? Optional.empty() : Optional.of(new Ranked(tier, customer));
    }

    /** The customer's tier for {@code recipient}, or null if declined or not eligible for them now. */
    private Tier tierFor(QueuedCustomer customer, Recipient recipient, Instant now) {
        // An empty set first: asking it for the id would box the id, for each candidate of each claim.
        if (!recipient.declined().isEmpty() && recipient.declined().contains(customer.customerId())) {
            return null;
        }
        return tierOrNull(customer.state(), recipient, now);
    }

    /** Where the customer stands in the order for {@code recipient}, or empty if not eligible for them now. */
    public Optional<Tier> tierOf(CustomerState customer, Recipient recipient, Instant now) {
        Tier tier = tierOrNull(customer, recipient, now);
        return tier == null ? Optional.empty() : TIERS.get(tier.ordinal());
    }

    private Tier tierOrNull(CustomerState customer, Recipient recipient, Instant now) {
        Optional<Eligibility.EligibleAs> kind = Eligibility.of(customer, rules, now);
        if (kind.isEmpty()) {
            return null;
        }
        return switch (kind.get()) {
            case CALLBACK -> !callbackOwnership.mayReceive(customer, recipient, now) ? null
                    : callbackOwnership.isOwnedBy(customer, recipient) ? Tier.OWN_CALLBACK : Tier.RELEASED_CALLBACK;
            case RETRY -> Tier.DUE_RETRY;
            case FRESH -> Tier.FRESH;
            case ERROR_RETRY -> Tier.ERROR_RETRY;
        };
    }

    /**
     * The order's sort key: tier, next attempt (none first), when added, id. Written out rather than
     * chained {@code Comparator.comparing}: every claim compares its candidates.
     */
    private static int compare(Tier firstTier, QueuedCustomer first, Tier secondTier, QueuedCustomer second) {
        int byTier = firstTier.compareTo(secondTier);
        if (byTier != 0) {
            return byTier;
        }
        int byDue = first.state().nextAttemptAt().orElse(Instant.MIN)
                .compareTo(second.state().nextAttemptAt().orElse(Instant.MIN));
        if (byDue != 0) {
            return byDue;
        }
        int byAdded = first.addedAt().compareTo(second.addedAt());
        return byAdded != 0 ? byAdded : Long.compare(first.customerId(), second.customerId());
    }

    private record Ranked(Tier tier, QueuedCustomer customer) {
    }
}
