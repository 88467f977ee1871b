package dev.outdial.sip.media;

import java.time.Duration;

/** Who picked up a call, as its first seconds of audio tell ({@link MediaLeg#listenForMachine}). */
public enum Answerer {
    /** A short greeting, then silence: someone waiting for us to speak. */
    PERSON,
    /** A greeting too long or of too many words for a person: a recorded one. */
    MACHINE,
    /**
     * Silence, or a greeting that neither ended nor ran long in the time given: treated as a person, who is then not
     * hung up on.
     */
    NOT_SURE;

    /** The most audio a verdict takes: past it, what was heard is {@link #NOT_SURE}. */
    public static final Duration TOLD_WITHIN = Duration.ofMillis(GreetingAnalysis.MAX_ANALYSIS_MS);
}
