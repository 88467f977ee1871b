package dev.outdial.shared;

/**
 * Whether the calls carry audio: real calls over SIP do, the simulated carrier's do not. What only audio makes
 * possible (listening in on a call) is offered only where they do.
 */
public interface CallAudio {

    boolean heard();
}
