package dev.outdial.ivr;

/**
 * Whether the telephony can speak a prompt's text (told by the dialing module): the simulated
 * carrier always can; real calls need espeak-ng on the server. Where it cannot, an IVR with a
 * spoken prompt is refused when saved, rather than played as silence.
 */
public interface SpokenPrompts {

    boolean canSpeak();
}
