package dev.outdial.sip;

import dev.outdial.engine.port.CallId;

/** Where the quality of each customer's call, as its audio reached Outdial, is told once the call has ended. */
@FunctionalInterface
public interface CallQualities {

    /** Told to nobody. */
    CallQualities NONE = (call, received) -> { };

    /**
     * {@code call}, a customer's leg through the trunk (dialed, or a caller's), ended having received this; told on
     * the SIP side's thread, so it must return at once. A leg that received no audio is not told.
     */
    void measured(CallId call, AudioQuality received);
}
