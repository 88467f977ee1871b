package dev.outdial.dialing.internal;

import dev.outdial.media.AudioFiles;
import dev.outdial.sip.PromptSource;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The uploaded audio behind the prompts the engine plays, for the SIP adapter: the URIs are
 * {@code /api/v1/audio/{id}/content} (waiting music, queue notifications) and
 * {@code outdial:audio/{id}} (IVR prompts); anything else names no audio Outdial has.
 */
@Component
class StoredPrompts implements PromptSource {

    private static final Pattern AUDIO_URI = Pattern.compile("(?:/api/v1/audio/(\\d{1,18})/content|outdial:audio/(\\d{1,18}))");

    private final AudioFiles audio;

    StoredPrompts(AudioFiles audio) {
        this.audio = audio;
    }

    @Override
    public Optional<InputStream> open(String uri) {
        Matcher named = AUDIO_URI.matcher(uri == null ? "" : uri);
        if (!named.matches()) {
            return Optional.empty();
        }
        long id = Long.parseLong(named.group(1) != null ? named.group(1) : named.group(2));
        return audio.contentForPlaying(id).map(ByteArrayInputStream::new);
    }
}
