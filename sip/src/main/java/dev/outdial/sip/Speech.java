package dev.outdial.sip;

import dev.outdial.sip.media.AudioClip;

/** Whether the adapter can speak a prompt's text (espeak-ng installed), for the application's checks. */
public final class Speech {

    private Speech() {
    }

    public static boolean available() {
        return AudioClip.canSpeak();
    }
}
