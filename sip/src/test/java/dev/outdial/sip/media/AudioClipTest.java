package dev.outdial.sip.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;

class AudioClipTest {

    @Test
    void aStereoWavAt44100HzBecomesAn8kHzClipOfTheSameDurationAndPitch() throws IOException {
        short[] left = Tone.sine(1000, 44100, 2 * 44100, 12000);
        short[] right = Tone.sine(1000, 44100, 2 * 44100, 8000);
        byte[] wav = wav(new AudioFormat(44100, 16, 2, true, false), interleave(left, right));

        AudioClip clip = AudioClip.read(new ByteArrayInputStream(wav));

        assertThat(clip.duration()).isBetween(Duration.ofMillis(1999), Duration.ofMillis(2001));
        short[] middle = Tone.middle(clip.samples(), 800);
        assertThat(Tone.level(middle, 1000, 8000)).as("the channels' average").isCloseTo(10000, within(300.0));
    }

    @Test
    void eightBitAndCompandedWavsAreRead() throws IOException {
        short[] tone = Tone.sine(1000, 11025, 11025, 20000);
        byte[] unsigned8 = new byte[tone.length];
        for (int i = 0; i < tone.length; i++) {
            unsigned8[i] = (byte) ((tone[i] >> 8) + 128);
        }
        AudioClip eightBit = AudioClip.read(new ByteArrayInputStream(
                wav(new AudioFormat(11025, 8, 1, false, false), unsigned8)));
        assertThat(eightBit.duration()).isBetween(Duration.ofMillis(999), Duration.ofMillis(1001));
        assertThat(Tone.level(Tone.middle(eightBit.samples(), 400), 1000, 8000)).isCloseTo(20000, within(600.0));

        short[] tone8k = Tone.sine(1000, 8000, 8000, 20000);
        for (Codec codec : Codec.values()) {
            byte[] companded = G711.encode(codec, tone8k);
            AudioFormat.Encoding encoding = codec == Codec.PCMU ? AudioFormat.Encoding.ULAW : AudioFormat.Encoding.ALAW;
            AudioClip clip = AudioClip.read(new ByteArrayInputStream(
                    wav(new AudioFormat(encoding, 8000, 8, 1, 1, 8000, false), companded)));
            assertThat(clip.samples()).as(codec.name()).hasSize(8000);
            assertThat(clip.encoded(codec)).as("re-encoding a %s WAV gives its bytes back", codec).isEqualTo(companded);
        }
    }

    @Test
    void anMp3BecomesAn8kHzClip() throws IOException {
        try (InputStream mp3 = getClass().getResourceAsStream("tone-1khz-1s.mp3")) {
            AudioClip clip = AudioClip.read(mp3);

            // one second of 1 kHz at half scale, made with lame at 22.05 kHz (lame adds up to ~100 ms of padding)
            assertThat(clip.duration()).isBetween(Duration.ofMillis(990), Duration.ofMillis(1150));
            short[] middle = Arrays.copyOfRange(clip.samples(), 2000, 6000);
            assertThat(Tone.level(middle, 1000, 8000)).isGreaterThan(10000);
            assertThat(Tone.level(middle, 2500, 8000)).isLessThan(500);
        }
    }

    @Test
    void aFileThatIsNeitherWavNorMp3IsRefusedSayingSo() {
        assertThatThrownBy(() -> AudioClip.read(new ByteArrayInputStream("%PDF-1.7 not audio".getBytes())))
                .isInstanceOf(IOException.class).hasMessage("not a WAV or MP3 file");
        assertThatThrownBy(() -> AudioClip.read(new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(IOException.class).hasMessage("not a WAV or MP3 file");
    }

    @Test
    void aWavOfAnUnsupportedEncodingIsRefusedNamingIt() {
        byte[] adpcm = riffWav(0x0011, 1, 8000, 4, new byte[256]);

        assertThatThrownBy(() -> AudioClip.read(new ByteArrayInputStream(adpcm)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("the WAV's encoding IMA ADPCM 4-bit is not supported");
    }

    @Test
    void aDamagedMp3IsRefused() {
        byte[] garbage = new byte[4000];
        garbage[0] = (byte) 0xFF;
        garbage[1] = (byte) 0xFB;
        for (int i = 2; i < garbage.length; i++) {
            garbage[i] = (byte) (i * 31);
        }
        assertThatThrownBy(() -> AudioClip.read(new ByteArrayInputStream(garbage))).isInstanceOf(IOException.class)
                .hasMessageContaining("MP3");
    }

    @Test
    void audioLongerThanAnHourIsRefused() {
        // a streamed WAV header (no sizes) followed by more than an hour of 8 kHz 8-bit silence
        long hourAndASecond = (AudioClip.LONGEST.toSeconds() + 1) * 8000;
        byte[] header = Arrays.copyOf(riffWav(0x0001, 1, 8000, 8, new byte[0]), 44);
        ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).putInt(4, -1).putInt(40, -1);
        InputStream endless = new SequenceInputStream(new ByteArrayInputStream(header), new InputStream() {
            private long left = hourAndASecond;

            @Override
            public int read() {
                return left-- > 0 ? 128 : -1;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int count = (int) Math.min(length, left);
                Arrays.fill(bytes, offset, offset + count, (byte) 128);
                left -= count;
                return count;
            }
        });

        assertThatThrownBy(() -> AudioClip.read(endless)).isInstanceOf(IOException.class)
                .hasMessageContaining("longer than 60 minutes");
    }

    @Test
    void eachCodecsEncodingIsMadeOnceAndShared() {
        AudioClip clip = AudioClip.of8kHzSamples(Tone.sine(440, 8000, 800, 5000));

        assertThat(clip.encoded(Codec.PCMU)).isSameAs(clip.encoded(Codec.PCMU));
        assertThat(clip.encoded(Codec.PCMA)).isNotEqualTo(clip.encoded(Codec.PCMU));
        assertThat(clip.duration()).isEqualTo(Duration.ofMillis(100));
    }

    static byte[] wav(AudioFormat format, short[] samples) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short sample : samples) {
            bytes.putShort(sample);
        }
        return wav(format, bytes.array());
    }

    static byte[] wav(AudioFormat format, byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long frames = data.length / format.getFrameSize();
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(data), format, frames), AudioFileFormat.Type.WAVE, out);
        return out.toByteArray();
    }

    private static short[] interleave(short[] left, short[] right) {
        short[] both = new short[left.length * 2];
        for (int i = 0; i < left.length; i++) {
            both[2 * i] = left[i];
            both[2 * i + 1] = right[i];
        }
        return both;
    }

    /** A WAV written by hand, for encodings the JDK cannot write. */
    private static byte[] riffWav(int formatTag, int channels, int rate, int bits, byte[] data) {
        ByteBuffer wav = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes()).putInt(36 + data.length).put("WAVE".getBytes());
        wav.put("fmt ".getBytes()).putInt(16).putShort((short) formatTag).putShort((short) channels)
                .putInt(rate).putInt(rate * channels * Math.max(1, bits / 8)).putShort((short) (channels * Math.max(1, bits / 8)))
                .putShort((short) bits);
        wav.put("data".getBytes()).putInt(data.length).put(data);
        return wav.array();
    }
}
