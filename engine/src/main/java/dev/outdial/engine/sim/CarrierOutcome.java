package dev.outdial.engine.sim;

import dev.outdial.engine.customer.CallResult;
import java.util.Optional;

/** What the simulated carrier makes of a call to a customer: the outcomes a per-number rule may fix. */
public enum CarrierOutcome {
    ANSWER(null),
    /** An answering machine picks up (the customer's voicemail). */
    MACHINE(null),
    BUSY(CallResult.BUSY),
    NOANSWER(CallResult.NOANSWER),
    REFUSAL(CallResult.REFUSAL),
    INVALID_NUMBER(CallResult.INVALID_NUMBER),
    NETWORK_ERROR(CallResult.NETWORK_ERROR),
    /** The trunk of the hotline the call goes out on refuses it: for a per-hotline rule. */
    HOTLINE_ERROR(CallResult.HOTLINE_ERROR);

    private final CallResult failure;

    CarrierOutcome(CallResult failure) {
        this.failure = failure;
    }

    /** The failure the carrier reports, empty when the customer answers. */
    public Optional<CallResult> failure() {
        return Optional.ofNullable(failure);
    }
}
