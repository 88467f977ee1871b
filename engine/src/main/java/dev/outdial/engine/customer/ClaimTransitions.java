package dev.outdial.engine.customer;

import static dev.outdial.engine.customer.Transition.applied;
import static dev.outdial.engine.customer.Transition.rejected;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Taking a customer for a call, dialing it, and giving it back: on purpose or by a lapsed lease. */
final class ClaimTransitions {

    private ClaimTransitions() {
    }

    static Transition claim(CustomerState state, CustomerInput.Claimed input, CampaignRules rules, Instant now) {
        if (state.isClaimed()) {
            return rejected(state, input, "the customer is already claimed until " + state.claim().orElseThrow().leaseUntil());
        }
        if (state.isHeld()) {
            return rejected(state, input, "the customer is " + state.status() + " and may not be called");
        }
        if (!input.leaseUntil().isAfter(now)) {
            return rejected(state, input, "the lease must end after now (" + now + "), was " + input.leaseUntil());
        }
        if (Eligibility.of(state, rules, now).isEmpty()) {
            return rejected(state, input, "the customer is not eligible at " + now + ": " + describe(state));
        }
        return applied(state.withClaim(Optional.of(new Claim(input.leaseUntil(), false))));
    }

    static Transition dial(CustomerState state, CustomerInput.Dialed input) {
        if (!state.isClaimed()) {
            return rejected(state, input, "a customer is dialed only once claimed; it is " + state.status());
        }
        if (state.isOnCall()) {
            // "A customer is never on two calls at once."
            return rejected(state, input, "the customer is already on a call");
        }
        // "Every attempt is recorded regardless": the total counts the dial, whatever follows.
        return applied(state.withClaim(state.claim().map(Claim::dialing))
                .withCounters(state.cycleAttempts(), state.totalAttempts() + 1, state.businessErrors()));
    }

    static Transition renew(CustomerState state, CustomerInput.LeaseRenewed input, Instant now) {
        Optional<Claim> claim = state.claim();
        if (claim.isEmpty()) {
            return rejected(state, input, "the customer is not claimed; it is " + state.status());
        }
        if (!claim.get().leaseUntil().isAfter(now)) {
            // Once lapsed, the claim belongs to whoever expires it: renewing now would race the
            // node that closes the call as a network error.
            return rejected(state, input, "the lease lapsed at " + claim.get().leaseUntil() + "; it is expired, not renewed");
        }
        if (!input.leaseUntil().isAfter(claim.get().leaseUntil())) {
            return rejected(state, input, "a renewal must extend the lease beyond " + claim.get().leaseUntil());
        }
        return applied(state.withClaim(Optional.of(claim.get().renewedUntil(input.leaseUntil()))));
    }

    static Transition release(CustomerState state, CustomerInput.Released input) {
        if (!state.isClaimed()) {
            return rejected(state, input, "the customer is not claimed; it is " + state.status());
        }
        if (state.isOnCall()) {
            return rejected(state, input, "the customer is on a call; the call must end before it is released");
        }
        return applied(state.withClaim(Optional.empty()));
    }

    /** A lapsed lease: the holder is gone, so the customer comes back; an open call is closed. */
    static Transition expire(CustomerState state, CustomerInput.LeaseExpired input, CampaignRules rules, Instant now) {
        Optional<Claim> claim = state.claim();
        if (claim.isEmpty()) {
            return rejected(state, input, "the customer is not claimed; it is " + state.status());
        }
        if (claim.get().leaseUntil().isAfter(now)) {
            return rejected(state, input, "the lease runs until " + claim.get().leaseUntil() + ", after now (" + now + ")");
        }
        if (!claim.get().onCall()) {
            return applied(state.withClaim(Optional.empty()), new CustomerEvent.ClaimLapsed(false));
        }
        // The call's end was never reported: its holder crashed. Close it as the business's own
        // network error, which "does not consume the customer's attempts".
        Transition.Applied closed = CallEndTransitions.close(state, CallResult.NETWORK_ERROR, rules, now);
        List<CustomerEvent> events = new ArrayList<>();
        events.add(new CustomerEvent.ClaimLapsed(true));
        events.addAll(closed.events());
        return new Transition.Applied(closed.state(), events);
    }

    private static String describe(CustomerState state) {
        return "status " + state.status()
                + state.nextAttemptAt().map(at -> ", next attempt at " + at).orElse("")
                + ", " + state.cycleAttempts() + " unanswered attempt(s) in this cycle";
    }
}
