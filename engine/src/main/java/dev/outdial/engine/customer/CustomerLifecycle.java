package dev.outdial.engine.customer;

import java.time.Instant;

/**
 * The state machine of a customer in a campaign (SPEC §4.3): a pure function of the customer's
 * state, what happened, the campaign's rules and the time, to the customer's next state and the
 * events that caused.
 *
 * <p>A customer's life, in short: NEW → claimed (IN_PROGRESS) → dialed → the call ends →
 * RETRY (not reached, attempts remain) / MAX_ATTEMPTS / SUCCESS (reached) / ERROR; after a
 * reached call the agent's disposition may turn SUCCESS into CALLBACK or DO_NOT_CALL_BACK. Pause,
 * blacklist and DNC are holds over any of these; lifting them returns the customer to where it was.
 *
 * <p>An input that does not fit the state (dialing a customer nobody claimed, a disposition for a
 * call that was not reached, starting a customer that is not paused) is {@link Transition.Rejected
 * rejected} with a reason. Blacklist and DNC inputs mirror lists the business imports and syncs,
 * so repeating one is not an error: it changes nothing.
 */
public final class CustomerLifecycle {

    private CustomerLifecycle() {
    }

    public static Transition apply(CustomerState state, CustomerInput input, CampaignRules rules, Instant now) {
        return switch (input) {
            case CustomerInput.Claimed claimed -> ClaimTransitions.claim(state, claimed, rules, now);
            case CustomerInput.Dialed dialed -> ClaimTransitions.dial(state, dialed);
            case CustomerInput.LeaseRenewed renewed -> ClaimTransitions.renew(state, renewed, now);
            case CustomerInput.Released released -> ClaimTransitions.release(state, released);
            case CustomerInput.LeaseExpired expired -> ClaimTransitions.expire(state, expired, rules, now);
            case CustomerInput.CallEnded ended -> CallEndTransitions.end(state, ended, rules, now);
            case CustomerInput.Disposition disposition -> DispositionTransitions.dispose(state, disposition, rules, now);
            case CustomerInput.Paused paused -> HoldTransitions.pause(state, paused);
            case CustomerInput.Started started -> HoldTransitions.start(state, started);
            case CustomerInput.Blacklisted ignored -> HoldTransitions.listed(state, Hold.BLACKLIST);
            case CustomerInput.Unblacklisted ignored -> HoldTransitions.unlisted(state, Hold.BLACKLIST);
            case CustomerInput.DncRegistered ignored -> HoldTransitions.listed(state, Hold.DNC_REGISTRY);
            case CustomerInput.DncRemoved ignored -> HoldTransitions.unlisted(state, Hold.DNC_REGISTRY);
        };
    }
}
