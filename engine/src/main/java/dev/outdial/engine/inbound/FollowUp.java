package dev.outdial.engine.inbound;

/** The ticket an inbound call leaves behind. */
public enum FollowUp {
    /** The caller asked to be called back: what the auto-callback trigger listens for. */
    CALLBACK,
    /** Nobody took the call, and the queue keeps tickets for missed calls. */
    MISSED_CALL
}
