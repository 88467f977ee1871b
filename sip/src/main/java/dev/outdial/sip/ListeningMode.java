package dev.outdial.sip;

import java.util.Optional;

/**
 * Who hears a supervisor listening in on a call ({@link dev.outdial.sip.media.MediaLeg#speakInto}). They change it
 * during the call with their phone's keys, as contact-center phones do: 1 listens, 2 coaches, 3 barges in.
 */
public enum ListeningMode {
    /** Nobody: silent monitoring. */
    LISTEN,
    /** The call's agent alone ("whisper"): the customer does not hear the supervisor. */
    COACH,
    /** Both sides ("barge"): the supervisor joins the call. */
    BARGE;

    /** The mode a key of the supervisor's phone asks for; empty for a key that asks for none. */
    public static Optional<ListeningMode> ofKey(char key) {
        return switch (key) {
            case '1' -> Optional.of(LISTEN);
            case '2' -> Optional.of(COACH);
            case '3' -> Optional.of(BARGE);
            default -> Optional.empty();
        };
    }
}
