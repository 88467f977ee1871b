package dev.outdial.sip;

import dev.outdial.engine.port.CallEvent;
import dev.outdial.engine.port.CallId;
import java.util.function.Consumer;

/**
 * A call the trunk brings in, offered to {@link IncomingCalls}: taken with {@link #accept} or turned away with
 * {@link #refuse}, exactly once.
 *
 * <p>An accepted call is answered at once (a queue's caller is in the queue from the first second) and becomes a leg
 * like any other: the Telephony port plays to it, bridges it, hangs it up. Its listener hears each key the caller
 * presses as a {@link CallEvent.DigitsCollected} of one key, {@link CallEvent.HungUp} with {@code byCalledParty}
 * when the caller hangs up, and {@link CallEvent.Failed} (NOANSWER) when the caller gave up before it was accepted.
 */
public interface IncomingCall {

    /** The number the caller dialed, as the trunk wrote it in the Request-URI (digits, maybe a leading +). */
    String dialedNumber();

    /** The caller's number from the From header's user part, as the trunk wrote it; "anonymous" when withheld. */
    String callerNumber();

    /** Answers the call; its events go to {@code listener}. Returns the leg's id. */
    CallId accept(Consumer<CallEvent> listener);

    /** Turns the call away with the SIP response that says why. */
    void refuse(Refusal why);

    /** Why a call is turned away, and the SIP status the trunk hears. */
    enum Refusal {
        /** No queue answers this number. */
        UNKNOWN_NUMBER(404),
        /** The number is known but cannot be taken here now (another node runs its business, or it is closing). */
        UNAVAILABLE(503),
        /** This Outdial takes no incoming calls at all. */
        NOT_TAKEN(403);

        private final int status;

        Refusal(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
