package dev.outdial.engine.customer;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the engine knows about one customer of one campaign, immutable.
 *
 * <p>The status a user sees is derived ({@link #status()}) from three independent facts, so that
 * pausing, blacklisting or distributing a customer never loses where it stood:
 * <ul>
 *   <li>{@code progress}: where the customer stands in dialing, one of NEW, RETRY, CALLBACK,
 *       SUCCESS, MAX_ATTEMPTS, DO_NOT_CALL_BACK, ERROR;</li>
 *   <li>{@code holds}: pause, blacklist, DNC registry;</li>
 *   <li>{@code claim}: distributed or on a call now.</li>
 * </ul>
 *
 * @param progress       where the customer stands in dialing (never IN_PROGRESS or a hold)
 * @param holds          what stops it from being dialed now, whatever its progress
 * @param claim          the claim for a call, if the customer is distributed or on a call
 * @param cycleAttempts  unanswered attempts in the current contact cycle (what maximum calls caps)
 * @param totalAttempts  every call placed to the customer, whatever its result
 * @param businessErrors calls that ended in an error on the business's side (hotline, network, agent)
 * @param lastResult     the technical result of the last call, if any
 * @param nextAttemptAt  the earliest time to call again: after the gap, the callback appointment or
 *                       the end of "do not call back"; empty for fresh customers and where no
 *                       further call is due
 * @param callbackOwner  the agent who set the pending callback appointment
 */
public record CustomerState(
        CustomerStatus progress,
        Set<Hold> holds,
        Optional<Claim> claim,
        int cycleAttempts,
        int totalAttempts,
        int businessErrors,
        Optional<CallResult> lastResult,
        Optional<Instant> nextAttemptAt,
        Optional<AgentId> callbackOwner) {

    public CustomerState {
        Objects.requireNonNull(progress, "progress");
        if (!progress.isProgress()) {
            throw new IllegalArgumentException(progress + " is shown from a claim or a hold, not stored as progress");
        }
        holds = holds.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(holds));
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(lastResult, "lastResult");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(callbackOwner, "callbackOwner");
        if (cycleAttempts < 0 || totalAttempts < 0 || businessErrors < 0) {
            throw new IllegalArgumentException("attempt counters must not be negative");
        }
    }

    /** A customer just added to a campaign: never called, nothing pending. */
    public static CustomerState fresh() {
        return added(Set.of());
    }

    /**
     * A customer just added with the holds found when it was added (SPEC §4.3: blacklist and DNC
     * registry are "decided when the customer is added"); its {@link #status()} shows the first.
     */
    public static CustomerState added(Set<Hold> holds) {
        return new CustomerState(CustomerStatus.NEW, holds, Optional.empty(), 0, 0, 0,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The status the customer list shows: a hold first, then a claim, then the progress. */
    public CustomerStatus status() {
        for (Hold hold : Hold.values()) {
            if (holds.contains(hold)) {
                return hold.shownAs();
            }
        }
        return claim.isPresent() ? CustomerStatus.IN_PROGRESS : progress;
    }

    public boolean isHeld() {
        return !holds.isEmpty();
    }

    public boolean isClaimed() {
        return claim.isPresent();
    }

    /** "A customer is never on two calls at once." */
    public boolean isOnCall() {
        return claim.map(Claim::onCall).orElse(false);
    }

    /** The callback appointment, while one is pending. */
    public Optional<Instant> callbackAppointment() {
        return progress == CustomerStatus.CALLBACK ? nextAttemptAt : Optional.empty();
    }

    /**
     * Until when "do not call back" suppresses the customer; empty when it is not suppressed or
     * suppressed for good (see {@link #isSuppressedForGood()}).
     */
    public Optional<Instant> doNotCallBackUntil() {
        return progress == CustomerStatus.DO_NOT_CALL_BACK ? nextAttemptAt : Optional.empty();
    }

    /** "A period of 0 means never again." */
    public boolean isSuppressedForGood() {
        return progress == CustomerStatus.DO_NOT_CALL_BACK && nextAttemptAt.isEmpty();
    }

    CustomerState withProgress(CustomerStatus newProgress, Optional<Instant> newNextAttemptAt) {
        return new CustomerState(newProgress, holds, claim, cycleAttempts, totalAttempts, businessErrors,
                lastResult, newNextAttemptAt, callbackOwner);
    }

    CustomerState withHolds(Set<Hold> newHolds) {
        return new CustomerState(progress, newHolds, claim, cycleAttempts, totalAttempts, businessErrors,
                lastResult, nextAttemptAt, callbackOwner);
    }

    CustomerState withClaim(Optional<Claim> newClaim) {
        return new CustomerState(progress, holds, newClaim, cycleAttempts, totalAttempts, businessErrors,
                lastResult, nextAttemptAt, callbackOwner);
    }

    CustomerState withCounters(int newCycleAttempts, int newTotalAttempts, int newBusinessErrors) {
        return new CustomerState(progress, holds, claim, newCycleAttempts, newTotalAttempts, newBusinessErrors,
                lastResult, nextAttemptAt, callbackOwner);
    }

    CustomerState withLastResult(CallResult result) {
        return new CustomerState(progress, holds, claim, cycleAttempts, totalAttempts, businessErrors,
                Optional.of(result), nextAttemptAt, callbackOwner);
    }

    CustomerState withCallbackOwner(Optional<AgentId> owner) {
        return new CustomerState(progress, holds, claim, cycleAttempts, totalAttempts, businessErrors,
                lastResult, nextAttemptAt, owner);
    }
}
