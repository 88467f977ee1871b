package dev.outdial.engine.customer;

import java.time.Instant;

/**
 * What a transition caused, for the server to persist and publish (e.g. to reports, tickets and
 * webhooks). A transition that only records a fact (a claim, a dial) causes no event.
 */
public sealed interface CustomerEvent {

    /** Not reached and attempts remain: the customer is called again from {@code at}. */
    record RetryScheduled(Instant at) implements CustomerEvent {
    }

    /** Not reached within the maximum calls of the contact cycle: MAX_ATTEMPTS. */
    record AttemptsExhausted(int attempts) implements CustomerEvent {
    }

    /** Reached: the customer is SUCCESS unless the agent's disposition says otherwise. */
    record Reached() implements CustomerEvent {
    }

    /** A callback appointment, owned by the agent who set it; a new contact cycle starts. */
    record CallbackScheduled(AgentId owner, Instant appointment) implements CustomerEvent {
    }

    /** "Do not call back": the customer is not distributed before {@code until}. */
    record SuppressedUntil(Instant until) implements CustomerEvent {
    }

    /** "Do not call back" with a no-callback period of 0: never again. */
    record SuppressedForGood() implements CustomerEvent {
    }

    /** The call failed for a technical reason; {@code willRetry} tells whether it stays ERROR for good. */
    record MarkedError(CallResult cause, boolean willRetry) implements CustomerEvent {
    }

    /** The customer's claim lapsed; an open call was closed as a network error. */
    record ClaimLapsed(boolean callWasOpen) implements CustomerEvent {
    }

    /** A pause, blacklist or DNC hold now stops the customer from being dialed. */
    record HoldPlaced(Hold hold) implements CustomerEvent {
    }

    /** A hold was lifted; the customer shows the status it would otherwise have if no other hold remains. */
    record HoldLifted(Hold hold) implements CustomerEvent {
    }
}
