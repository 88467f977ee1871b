package dev.outdial.engine.inbound;

/** How an inbound queue call ended. */
public enum InboundResult {
    /** An agent took the call. */
    ANSWERED,
    /** The caller pressed the callback key inside the window. */
    CALLBACK_REQUESTED,
    /** Nobody took the call within the queue's maximum wait: a missed call. */
    MISSED_WAIT_EXCEEDED,
    /** The caller hung up before any agent took the call: a missed call. */
    MISSED_CALLER_HUNG_UP;

    public boolean isMissed() {
        return this == MISSED_WAIT_EXCEEDED || this == MISSED_CALLER_HUNG_UP;
    }
}
