package dev.outdial.engine.call;

import dev.outdial.engine.port.CallRecord;

/** What a call's life tells whoever paces the campaign: the moments agents and lines change hands. */
public interface CallObserver {

    /** The customer is talking to {@code call.agent()}. */
    void connected(CallRecord call);

    /**
     * The call ended and the customer's state took its result; {@code dispositionDue} when the
     * customer was reached and the agent's word is awaited.
     */
    void ended(CallRecord call, boolean dispositionDue);
}
