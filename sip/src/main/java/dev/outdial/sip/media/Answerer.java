package dev.outdial.sip.media;

import java.time.Duration;

/**
 * Who picked up a call, as its first seconds of audio tell ({@link MediaLeg#listenForMachine}), or what the network
 * announced in its place (also heard while it rings, {@link MediaLeg#listenForNetworkTones}).
 */
public enum Answerer {
    /** A short greeting, then silence: someone waiting for us to speak. */
    PERSON,
    /** A greeting too long or of too many words for a person: a recorded one. */
    MACHINE,
    /**
     * Silence, or a greeting that neither ended nor ran long in the time given: treated as a person, who is then not
     * hung up on.
     */
    NOT_SURE,
    /**
     * The network, not the called party: its special information tones ({@link SpecialInformationTones}) before an
     * announcement that the number is not in service (vacant, disconnected, changed). Nobody is reached at it.
     */
    NOT_IN_SERVICE,
    /**
     * The network's special information tones before an announcement that it could not put the call through now (no
     * circuit free, a fault on the way): the number itself may be fine.
     */
    CONGESTION,
    /**
     * The network's busy tone, played in early media instead of a {@code 486} ({@link BusyTones}): the called party
     * is on another call.
     */
    BUSY;

    /** The most audio a verdict takes: past it, what was heard is {@link #NOT_SURE}. */
    public static final Duration TOLD_WITHIN = Duration.ofMillis(GreetingAnalysis.MAX_ANALYSIS_MS);
}
