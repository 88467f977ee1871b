package dev.outdial.engine.customer;

import static dev.outdial.engine.customer.Transition.applied;
import static dev.outdial.engine.customer.Transition.rejected;

import java.time.Instant;
import java.util.Optional;

/** What a call's technical result does to the customer (SPEC §4.3 rules, §4.4 results). */
final class CallEndTransitions {

    private CallEndTransitions() {
    }

    static Transition end(CustomerState state, CustomerInput.CallEnded input, CampaignRules rules, Instant now) {
        if (!state.isOnCall()) {
            return rejected(state, input, "no call to the customer is open; it is " + state.status());
        }
        return close(state, input.result(), rules, now);
    }

    /** Closes the open call with {@code result}; the caller has checked that a call is open. */
    static Transition.Applied close(CustomerState state, CallResult result, CampaignRules rules, Instant now) {
        // Whatever the result, the claim ends with the call and a pending appointment was the one
        // this call kept: a customer not reached is retried by any agent.
        CustomerState ended = state.withClaim(Optional.empty()).withLastResult(result).withCallbackOwner(Optional.empty());
        return switch (result.category()) {
            case REACHED -> applied(ended.withProgress(CustomerStatus.SUCCESS, Optional.empty()), new CustomerEvent.Reached());
            case NOT_REACHED -> notReached(ended, rules, now);
            case BUSINESS_SIDE_ERROR -> businessSideError(ended, result, rules, now);
            case INVALID_NUMBER -> applied(ended.withProgress(CustomerStatus.ERROR, Optional.empty()),
                    new CustomerEvent.MarkedError(result, false));
        };
    }

    private static Transition.Applied notReached(CustomerState ended, CampaignRules rules, Instant now) {
        // "Maximum calls counts unanswered attempts in one contact cycle."
        CustomerState counted = ended.withCounters(ended.cycleAttempts() + 1, ended.totalAttempts(), ended.businessErrors());
        if (!MaxCallsPolicy.allowsAnotherCall(counted, rules)) {
            return applied(counted.withProgress(CustomerStatus.MAX_ATTEMPTS, Optional.empty()),
                    new CustomerEvent.AttemptsExhausted(counted.cycleAttempts()));
        }
        Instant next = now.plus(rules.redialDelay());
        return applied(counted.withProgress(CustomerStatus.RETRY, Optional.of(next)), new CustomerEvent.RetryScheduled(next));
    }

    private static Transition.Applied businessSideError(CustomerState ended, CallResult result, CampaignRules rules, Instant now) {
        // No attempt of the cycle is consumed; the error count alone limits the retries.
        CustomerState error = ended.withCounters(ended.cycleAttempts(), ended.totalAttempts(), ended.businessErrors() + 1)
                .withProgress(CustomerStatus.ERROR, Optional.empty());
        if (!ErrorRetryPolicy.willRetry(error, rules)) {
            return applied(error, new CustomerEvent.MarkedError(result, false));
        }
        // The gap still applies, so a failing hotline is not hammered once fresh data runs out.
        Instant next = now.plus(rules.redialDelay());
        return applied(error.withProgress(CustomerStatus.ERROR, Optional.of(next)), new CustomerEvent.MarkedError(result, true));
    }
}
