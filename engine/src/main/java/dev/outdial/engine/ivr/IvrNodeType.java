package dev.outdial.engine.ivr;

/** PLAY speaks and moves on; COLLECT speaks and waits for a key, the only place a call waits for the caller. */
public enum IvrNodeType {
    PLAY,
    COLLECT
}
