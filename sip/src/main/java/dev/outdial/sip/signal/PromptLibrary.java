package dev.outdial.sip.signal;

import dev.outdial.engine.port.Telephony.Prompt;
import dev.outdial.sip.PromptSource;
import dev.outdial.sip.media.AudioClip;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prompts as clips ready to play: each uploaded file or spoken text converted once, on a worker
 * thread (decoding an MP3 or running espeak-ng takes far longer than a SIP thread may be held),
 * and kept by its URI or text. A prompt that cannot be had is logged and plays as nothing, so an IVR
 * goes on rather than hanging on a missing file.
 */
public final class PromptLibrary {

    private static final Logger LOG = LoggerFactory.getLogger(PromptLibrary.class);

    private final PromptSource source;
    private final ExecutorService converter;
    private final Map<Prompt, CompletableFuture<Optional<AudioClip>>> clips = new ConcurrentHashMap<>();

    public PromptLibrary(PromptSource source, ExecutorService converter) {
        this.source = source;
        this.converter = converter;
    }

    /** The prompt's clip, converted the first time it is asked for; empty when it cannot be played. */
    public CompletableFuture<Optional<AudioClip>> clip(Prompt prompt) {
        CompletableFuture<Optional<AudioClip>> clip = clips.computeIfAbsent(prompt,
                p -> CompletableFuture.supplyAsync(() -> convert(p), converter));
        // A failed conversion is not kept: the upload may be fixed, or espeak-ng installed, later.
        clip.thenAccept(result -> {
            if (result.isEmpty()) {
                clips.remove(prompt, clip);
            }
        });
        return clip;
    }

    private Optional<AudioClip> convert(Prompt prompt) {
        try {
            return switch (prompt) {
                case Prompt.AudioFile file -> read(file.uri());
                case Prompt.Speech speech -> speak(speech);
            };
        } catch (IOException | RuntimeException e) {
            LOG.warn("Prompt {} cannot be played: {}", prompt, e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<AudioClip> read(String uri) throws IOException {
        Optional<InputStream> opened = source.open(uri);
        if (opened.isEmpty()) {
            LOG.warn("Prompt {} names no audio file; nothing is played", uri);
            return Optional.empty();
        }
        try (InputStream in = opened.get()) {
            return Optional.of(AudioClip.read(in));
        }
    }

    private static Optional<AudioClip> speak(Prompt.Speech speech) throws IOException {
        if (!AudioClip.canSpeak()) {
            LOG.warn("Text to speech needs espeak-ng, which is not installed; \"{}\" is not played", speech.text());
            return Optional.empty();
        }
        return Optional.of(AudioClip.speak(speech.text(), speech.languageTag()));
    }
}
