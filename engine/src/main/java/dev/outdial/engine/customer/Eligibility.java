package dev.outdial.engine.customer;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whether one customer may be taken for a call now, and as what kind of work. The order between
 * customers (and callback ownership between agents) is decided in
 * {@code dev.outdial.engine.rules.DialingOrder}, which builds on this.
 *
 * <p>Campaign-wide conditions (working hours, start and end, concurrency) are not a customer's
 * and are checked by {@code dev.outdial.engine.rules.DialCompliance}.
 */
public final class Eligibility {

    /** What an eligible customer is taken as, in the order such work is served. */
    public enum EligibleAs {
        /** A callback appointment that is due. */
        CALLBACK,
        /** A retry after the gap, or a customer whose "do not call back" period has ended. */
        RETRY,
        /** A customer never called. */
        FRESH,
        /** A retry after a business-side error: "after the fresh data is exhausted". */
        ERROR_RETRY
    }

    /**
     * Each answer made once: every claim asks this of each of its candidates (a dozen due retries a
     * claim, a day's thousands of claims), and a new {@code Optional} each was a tenth of what a
     * simulated day allocated.
     */
    private static final Map<EligibleAs, Optional<EligibleAs>> ANSWERS = answers();

    private Eligibility() {
    }

    private static Map<EligibleAs, Optional<EligibleAs>> answers() {
        Map<EligibleAs, Optional<EligibleAs>> answers = new EnumMap<>(EligibleAs.class);
        for (EligibleAs kind : EligibleAs.values()) {
            answers.put(kind, Optional.of(kind));
        }
        return answers;
    }

    /** What the customer is eligible as at {@code now}, or empty if it may not be taken now. */
    public static Optional<EligibleAs> of(CustomerState customer, CampaignRules rules, Instant now) {
        if (customer.isHeld() || customer.isClaimed() || !MaxCallsPolicy.allowsAnotherCall(customer, rules)) {
            return Optional.empty();
        }
        return switch (customer.progress()) {
            case NEW -> ANSWERS.get(EligibleAs.FRESH);
            case CALLBACK -> whenDue(customer, now, EligibleAs.CALLBACK);
            case RETRY -> whenDue(customer, now, EligibleAs.RETRY);
            // "After the no-callback period, if the campaign still runs, the customer is
            // distributed as usual"; suppressed for good, it has no next attempt and never is.
            case DO_NOT_CALL_BACK -> whenDue(customer, now, EligibleAs.RETRY);
            case ERROR -> ErrorRetryPolicy.willRetry(customer, rules)
                    ? whenDue(customer, now, EligibleAs.ERROR_RETRY)
                    : Optional.empty();
            case SUCCESS, MAX_ATTEMPTS -> Optional.empty();
            case IN_PROGRESS, PAUSED, BLOCKED, DNC ->
                    throw new IllegalStateException(customer.progress() + " is never stored as progress");
        };
    }

    private static Optional<EligibleAs> whenDue(CustomerState customer, Instant now, EligibleAs kind) {
        Optional<Instant> at = customer.nextAttemptAt();
        boolean due = at.isPresent() && !at.get().isAfter(now);
        return due ? ANSWERS.get(kind) : Optional.empty();
    }
}
