package dev.outdial.engine.customer;

import static dev.outdial.engine.customer.Transition.applied;
import static dev.outdial.engine.customer.Transition.rejected;

import java.time.Instant;
import java.util.Optional;

/** The agent's word on a reached call: done, call back at a time, or do not call back. */
final class DispositionTransitions {

    private DispositionTransitions() {
    }

    static Transition dispose(CustomerState state, CustomerInput.Disposition input, CampaignRules rules, Instant now) {
        if (state.isOnCall()) {
            return rejected(state, input, "the call is still open; a disposition is given once it has ended");
        }
        boolean lastCallReached = state.lastResult().map(CallResult::isReached).orElse(false);
        if (state.progress() != CustomerStatus.SUCCESS || !lastCallReached) {
            return rejected(state, input, "only a reached call is disposed; the customer is " + state.status()
                    + state.lastResult().map(result -> " after " + result).orElse(" and was never reached"));
        }
        return switch (input) {
            case CustomerInput.Done ignored -> applied(state);
            case CustomerInput.CallbackAt callback -> callback(state, callback, now);
            case CustomerInput.DoNotCallBack ignored -> doNotCallBack(state, rules, now);
        };
    }

    private static Transition callback(CustomerState state, CustomerInput.CallbackAt input, Instant now) {
        if (!input.appointment().isAfter(now)) {
            return rejected(state, input, "a callback appointment must be in the future, was " + input.appointment());
        }
        // "A callback appointment starts a new cycle", owned by "the agent who set it".
        CustomerState scheduled = state.withProgress(CustomerStatus.CALLBACK, Optional.of(input.appointment()))
                .withCallbackOwner(Optional.of(input.agent()))
                .withCounters(0, state.totalAttempts(), state.businessErrors());
        return applied(scheduled, new CustomerEvent.CallbackScheduled(input.agent(), input.appointment()));
    }

    private static Transition doNotCallBack(CustomerState state, CampaignRules rules, Instant now) {
        // "Do not call back suppresses the customer for the no-callback period; after it … the
        // customer is distributed as usual. A period of 0 means never again." As after a callback
        // appointment, the customer comes back to a fresh contact cycle.
        Optional<Instant> until = rules.noCallbackPeriod().map(now::plus);
        CustomerState suppressed = state.withProgress(CustomerStatus.DO_NOT_CALL_BACK, until)
                .withCounters(0, state.totalAttempts(), state.businessErrors());
        CustomerEvent event = until.<CustomerEvent>map(CustomerEvent.SuppressedUntil::new)
                .orElseGet(CustomerEvent.SuppressedForGood::new);
        return applied(suppressed, event);
    }
}
