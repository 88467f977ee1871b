package dev.outdial.sip.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ResamplerTest {

    @ParameterizedTest
    @ValueSource(ints = {6000, 8000, 11025, 16000, 22050, 32000, 44100, 48000, 96000, 44099})
    void aToneKeepsItsFrequencyLevelAndDuration(int rate) throws IOException {
        short[] tone = Tone.sine(1000, rate, rate, 10000); // one second
        short[] resampled = resample(tone, rate);

        assertThat(resampled.length).isCloseTo(8000, within(2));
        short[] middle = Tone.middle(resampled, 400);
        assertThat(Tone.level(middle, 1000, 8000)).isCloseTo(10000, within(300.0));
        assertThat(Tone.level(middle, 2000, 8000)).isLessThan(100);
        assertThat(Tone.level(middle, 3000, 8000)).isLessThan(100);
    }

    @Test
    void toneAboveTheNewNyquistIsFilteredOutNotFoldedIntoTheBand() throws IOException {
        short[] tone = Tone.sine(5000, 44100, 44100, 10000);
        short[] resampled = Tone.middle(resample(tone, 44100), 400);

        // folded back, 5 kHz would sound at 8 - 5 = 3 kHz (the JDK's own converter does that at full level)
        assertThat(Tone.level(resampled, 3000, 8000)).isLessThan(30);
    }

    @Test
    void chunkingDoesNotChangeTheResult() throws IOException {
        short[] tone = Tone.sine(700, 44100, 20000, 8000);
        short[] whole = resample(tone, 44100);
        ClipSamples sink = new ClipSamples();
        Resampler resampler = new Resampler(44100, sink);
        for (int at = 0; at < tone.length; at += 333) {
            int count = Math.min(333, tone.length - at);
            float[] chunk = new float[count];
            for (int i = 0; i < count; i++) {
                chunk[i] = tone[at + i];
            }
            resampler.accept(chunk, count);
        }
        resampler.finish();
        assertThat(sink.toArray()).isEqualTo(whole);
    }

    private static short[] resample(short[] samples, int rate) throws IOException {
        ClipSamples sink = new ClipSamples();
        Resampler resampler = new Resampler(rate, sink);
        float[] input = new float[samples.length];
        for (int i = 0; i < samples.length; i++) {
            input[i] = samples[i];
        }
        resampler.accept(input, input.length);
        resampler.finish();
        return sink.toArray();
    }
}
