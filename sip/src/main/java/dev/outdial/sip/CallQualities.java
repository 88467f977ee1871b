package dev.outdial.sip;

import dev.outdial.engine.port.CallId;

/**
 * Where the quality of each customer's call, as its audio reached Outdial from both sides, is told once the call has
 * ended.
 */
@FunctionalInterface
public interface CallQualities {

    /** Told to nobody. */
    CallQualities NONE = (call, quality) -> { };

    /**
     * {@code call}, a customer's leg through the trunk (dialed, or a caller's), ended: how the customer's audio reached
     * Outdial, and the agent's from their phone while it was bridged to the customer (null where no phone was); told
     * on the SIP side's thread, so it must return at once. A leg that received no audio is not told.
     */
    void measured(CallId call, CallQuality quality);
}
