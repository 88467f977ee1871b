package dev.outdial.engine.call;

/** Where the recording of a call in progress stands, as its agent sees it. */
public enum RecordingState {
    /** Both sides are being recorded. */
    RECORDING,
    /** The agent paused it (a card number read out): both sides are kept as silence until resumed. */
    PAUSED
}
