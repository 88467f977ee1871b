package dev.outdial.engine.customer;

/**
 * The status of a customer in a campaign, as the customer list shows it (SPEC §4.3).
 *
 * <p>Three kinds: where the customer stands in dialing ({@link #NEW} … {@link #ERROR}), "on a call
 * or distributed now" ({@link #IN_PROGRESS}) and holds that stop dialing ({@link #PAUSED},
 * {@link #BLOCKED}, {@link #DNC}). {@link CustomerState#status()} derives the shown status from
 * the three, so that lifting a hold returns the customer to the status it would otherwise have.
 */
public enum CustomerStatus {
    /** "Undone": not yet called. */
    NEW,
    /** "Progressing": distributed to an agent or on a call now. */
    IN_PROGRESS,
    /** "Called but failed": not reached and attempts remain; next attempt after the gap. */
    RETRY,
    /** "Call back": reached; the agent set a callback appointment. */
    CALLBACK,
    /** "Successful": reached and handled. */
    SUCCESS,
    /** "Called all retry times but failed": not reached within the maximum calls. */
    MAX_ATTEMPTS,
    /** "Do not call back": reached; the agent marked "do not call back". */
    DO_NOT_CALL_BACK,
    /** "Make an error call": the call failed for a technical reason. */
    ERROR,
    /** "Stop call": paused for this customer by an admin or supervisor. */
    PAUSED,
    /** "Customers blocked from calling out": the number is on the business's blacklist. */
    BLOCKED,
    /** "Customers subscribe for DNC service": the number is in the DNC registry. */
    DNC;

    /** Whether this status says where the customer stands in dialing, rather than a claim or hold. */
    public boolean isProgress() {
        return switch (this) {
            case NEW, RETRY, CALLBACK, SUCCESS, MAX_ATTEMPTS, DO_NOT_CALL_BACK, ERROR -> true;
            case IN_PROGRESS, PAUSED, BLOCKED, DNC -> false;
        };
    }
}
