package dev.outdial.sip.media;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A prompt as 8 kHz mono audio, converted once from an upload or spoken text: kept as 16-bit
 * linear samples and encoded to µ-law or A-law the first time a leg of that codec plays it.
 * Immutable apart from that cache; shared by every leg that plays it.
 */
public final class AudioClip {

    /** The longest audio {@link #read} accepts. */
    public static final Duration LONGEST = ClipSamples.LONGEST;

    private static final int SNIFF_BYTES = 12;

    private final short[] samples;
    private final Map<Codec, byte[]> encoded = new EnumMap<>(Codec.class);

    private AudioClip(short[] samples) {
        this.samples = samples;
    }

    /**
     * Reads an uploaded WAV (PCM of 8 to 32 bits, float, µ-law or A-law; any rate; mono or more
     * channels, mixed down) or MP3 into 8 kHz audio. A file it cannot read is an {@link IOException}
     * saying why: not a WAV or MP3, an unsupported WAV encoding, a damaged MP3, no audio, or longer
     * than {@link #LONGEST}. The stream is read to its end, not closed.
     */
    public static AudioClip read(InputStream uploaded) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Objects.requireNonNull(uploaded, "uploaded"), 64 * 1024);
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        ClipSamples samples = new ClipSamples();
        if (isWav(head)) {
            WavDecoder.decode(in, samples);
        } else if (isMp3(head)) {
            Mp3Decoder.decode(in, samples);
        } else {
            throw new IOException("not a WAV or MP3 file");
        }
        short[] decoded = samples.toArray();
        if (decoded.length == 0) {
            throw new IOException("the file holds no audio");
        }
        return new AudioClip(decoded);
    }

    /**
     * Speaks the text with espeak-ng in the language (a BCP 47 tag such as {@code vi} or
     * {@code en-US}; the region is dropped when espeak-ng has no voice for it); see
     * {@link #canSpeak()}. Texts longer than 2000 characters, blank texts and malformed tags are an
     * {@link IllegalArgumentException}; a missing program or voice an {@link IOException}.
     */
    public static AudioClip speak(String text, String languageTag) throws IOException {
        return read(new ByteArrayInputStream(Espeak.speak(text, languageTag)));
    }

    /** Whether espeak-ng is installed (on the PATH), so {@link #speak} works. */
    public static boolean canSpeak() {
        return Espeak.program().isPresent();
    }

    /** A clip of 8 kHz samples as they are (tones, silence, tests). */
    public static AudioClip of8kHzSamples(short[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("a clip needs at least one sample");
        }
        if (samples.length > LONGEST.toSeconds() * Resampler.TARGET_RATE) {
            throw new IllegalArgumentException("a clip lasts at most " + LONGEST.toMinutes() + " minutes");
        }
        return new AudioClip(samples.clone());
    }

    public Duration duration() {
        return Duration.ofNanos(samples.length * 1_000_000_000L / Resampler.TARGET_RATE);
    }

    /** The 8 kHz samples (a copy). */
    public short[] samples() {
        return samples.clone();
    }

    /** The clip in the codec, one byte a sample, encoded once and then shared: callers must not change it. */
    byte[] encoded(Codec codec) {
        synchronized (encoded) {
            return encoded.computeIfAbsent(codec, c -> G711.encode(c, samples));
        }
    }

    int sampleCount() {
        return samples.length;
    }

    private static boolean isWav(byte[] head) {
        return head.length >= 12 && ascii(head, 0).equals("RIFF") && ascii(head, 8).equals("WAVE");
    }

    /** An ID3v2 tag, or an MPEG audio frame's 11-bit sync word. */
    private static boolean isMp3(byte[] head) {
        return head.length >= 3 && (ascii(head, 0).startsWith("ID3")
                || ((head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0));
    }

    private static String ascii(byte[] bytes, int at) {
        return new String(Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + 4)), StandardCharsets.ISO_8859_1);
    }
}
