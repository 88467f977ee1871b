package dev.outdial.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AudioInspectionTest {

    @Test
    void aPcmWavTellsItsDurationFromTheHeader() {
        assertThat(AudioInspection.inspect(AudioSamples.wav(1, 1500)))
                .contains(new AudioInspection.Inspected(AudioFormat.WAV, 1500L));
    }

    @Test
    void telephoneCodecsArePlayable() {
        assertThat(AudioInspection.inspect(AudioSamples.wav(6, 200))).isPresent();
        assertThat(AudioInspection.inspect(AudioSamples.wav(7, 200))).isPresent();
    }

    @Test
    void aCompressedWavCodecIsRefused() {
        // 0x11 is IMA ADPCM, which telephony media servers do not play as is.
        assertThat(AudioInspection.inspect(AudioSamples.wav(0x11, 200))).isEmpty();
    }

    @Test
    void anMp3IsKnownByItsTagOrItsFirstFrame() {
        assertThat(AudioInspection.inspect(AudioSamples.mp3WithTag()))
                .contains(new AudioInspection.Inspected(AudioFormat.MP3, null));
        assertThat(AudioInspection.inspect(AudioSamples.mp3WithoutTag())).isPresent();
    }

    @Test
    void aRenamedTextFileOrATruncatedHeaderIsNotAudio() {
        assertThat(AudioInspection.inspect("hello, this is not audio".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(AudioInspection.inspect(java.util.Arrays.copyOf(AudioSamples.wav(100), 30))).isEmpty();
        assertThat(AudioInspection.inspect(new byte[0])).isEmpty();
        assertThat(AudioInspection.inspect("ID3".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    }
}
