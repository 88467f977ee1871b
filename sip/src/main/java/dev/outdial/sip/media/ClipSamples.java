package dev.outdial.sip.media;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;

/** The 8 kHz samples of a clip as they are decoded, refusing audio longer than a prompt may last. */
final class ClipSamples implements Resampler.SampleSink {

    static final Duration LONGEST = Duration.ofHours(1);
    private static final long MAX_SAMPLES = LONGEST.toSeconds() * Resampler.TARGET_RATE;

    private short[] samples = new short[8000];
    private int length;

    @Override
    public void add(short sample) throws IOException {
        if (length == samples.length) {
            if (length >= MAX_SAMPLES) {
                throw new IOException("the audio lasts longer than " + LONGEST.toMinutes()
                        + " minutes, the longest a prompt may last");
            }
            samples = Arrays.copyOf(samples, (int) Math.min(MAX_SAMPLES, (long) length * 2));
        }
        samples[length++] = sample;
    }

    short[] toArray() {
        return Arrays.copyOf(samples, length);
    }
}
