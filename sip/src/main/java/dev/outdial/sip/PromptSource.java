package dev.outdial.sip;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The audio behind a {@link dev.outdial.engine.port.Telephony.Prompt.AudioFile}'s URI, as uploaded
 * (WAV or MP3): the adapter converts it once to G.711 and keeps the result.
 */
public interface PromptSource {

    /** The uploaded file's bytes, or empty when the URI names no audio file the application has. */
    Optional<InputStream> open(String uri) throws IOException;
}
