package dev.outdial.engine.inbound;

/** What a key pressed in the queue does. */
public enum KeyVerdict {
    /** "If the customer presses an invalid key, the call will remain in the queue." */
    STAYS_IN_QUEUE,
    /** The callback key before the queue's minimum time: ignored, the caller keeps waiting. */
    TOO_EARLY,
    /** The callback key after the maximum wait: the window has closed. */
    TOO_LATE,
    /** The callback key inside the window: the notification plays, a callback ticket is opened, the call ends. */
    CALLBACK_REQUESTED
}
