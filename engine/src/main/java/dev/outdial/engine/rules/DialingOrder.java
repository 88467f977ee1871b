package dev.outdial.engine.rules;

import dev.outdial.engine.customer.CampaignRules;
import dev.outdial.engine.customer.CustomerState;
import dev.outdial.engine.customer.Eligibility;
import java.time.Instant;
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

    /**
     * Tier, next attempt (none first), when added, id. Written out rather than chained
     * {@code Comparator.comparing}: every claim compares its candidates.
     */
    private static final Comparator<Ranked> ORDER = (a, b) -> {
        int byTier = a.tier().compareTo(b.tier());
        if (byTier != 0) {
            return byTier;
        }
        QueuedCustomer first = a.customer();
        QueuedCustomer second = b.customer();
        int byDue = first.state().nextAttemptAt().orElse(Instant.MIN)
                .compareTo(second.state().nextAttemptAt().orElse(Instant.MIN));
        if (byDue != 0) {
            return byDue;
        }
        int byAdded = first.addedAt().compareTo(second.addedAt());
        return byAdded != 0 ? byAdded : Long.compare(first.customerId(), second.customerId());
    };

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
        Ranked first = null;
        for (QueuedCustomer customer : customers) {
            Optional<Ranked> ranked = ranked(customer, recipient, now);
            if (ranked.isPresent() && (first == null || ORDER.compare(ranked.get(), first) < 0)) {
                first = ranked.get();
            }
        }
        return first == null ? Optional.empty() : Optional.of(first.customer());
    }

    /** The customer with its place in the order, unless {@code recipient} declined it or may not receive it now. */
    private Optional<Ranked> ranked(QueuedCustomer customer, Recipient recipient, Instant now) {
        if (recipient.declined().contains(customer.customerId())) {
            return Optional.empty();
        }
        return tierOf(customer.state(), recipient, now).map(tier -> new Ranked(tier, customer));
    }

    /** Where the customer stands in the order for {@code recipient}, or empty if not eligible for them now. */
    public Optional<Tier> tierOf(CustomerState customer, Recipient recipient, Instant now) {
        return Eligibility.of(customer, rules, now).flatMap(kind -> switch (kind) {
            case CALLBACK -> !callbackOwnership.mayReceive(customer, recipient, now) ? Optional.empty()
                    : Optional.of(callbackOwnership.isOwnedBy(customer, recipient) ? Tier.OWN_CALLBACK : Tier.RELEASED_CALLBACK);
            case RETRY -> Optional.of(Tier.DUE_RETRY);
            case FRESH -> Optional.of(Tier.FRESH);
            case ERROR_RETRY -> Optional.of(Tier.ERROR_RETRY);
        });
    }

    private record Ranked(Tier tier, QueuedCustomer customer) {
    }
}
