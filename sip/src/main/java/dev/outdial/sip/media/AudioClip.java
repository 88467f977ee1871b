package dev.outdial.sip.media;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/** A prompt as 8 kHz audio, converted once from an upload or spoken text. SKELETON: the media branch builds it. */
public final class AudioClip {

    /** Reads an uploaded WAV or MP3 (any rate, mono or stereo) into 8 kHz audio; a file it cannot read is an IOException saying why. */
    public static AudioClip read(InputStream uploaded) throws IOException {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Speaks the text with espeak-ng in the language (BCP 47 tag); see {@link #canSpeak()}. */
    public static AudioClip speak(String text, String languageTag) throws IOException {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Whether espeak-ng is installed, so {@link #speak} works. */
    public static boolean canSpeak() {
        return false;
    }

    public Duration duration() {
        throw new UnsupportedOperationException("not built yet");
    }
}
