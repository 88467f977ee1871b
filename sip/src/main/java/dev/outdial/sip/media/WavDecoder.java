package dev.outdial.sip.media;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Reads a WAV file through the JDK's {@code javax.sound.sampled} (PCM of 8 to 32 bits, float, µ-law
 * and A-law, mono or several channels), mixes the channels down and resamples to 8 kHz.
 */
final class WavDecoder {

    private static final int CHUNK_FRAMES = 4096;

    private WavDecoder() {
    }

    static void decode(BufferedInputStream wav, ClipSamples samples) throws IOException {
        String encoding = WavFormatTag.describe(wav);
        AudioInputStream source;
        try {
            source = AudioSystem.getAudioInputStream(wav);
        } catch (UnsupportedAudioFileException e) {
            throw new IOException("the WAV's encoding " + encoding + " is not supported: use PCM, µ-law or A-law", e);
        }
        AudioFormat format = source.getFormat();
        int channels = format.getChannels();
        int rate = Math.round(format.getSampleRate());
        if (channels < 1 || rate < 1000 || rate > 384_000) {
            throw new IOException("the WAV's format is not supported: " + format);
        }
        AudioFormat pcm16 = new AudioFormat(format.getSampleRate(), 16, channels, true, false);
        AudioInputStream pcm;
        try {
            pcm = AudioSystem.getAudioInputStream(pcm16, source);
        } catch (IllegalArgumentException e) {
            throw new IOException("the WAV's encoding " + encoding + " is not supported: use PCM, µ-law or A-law", e);
        }
        Resampler resampler = new Resampler(rate, samples);
        byte[] bytes = new byte[CHUNK_FRAMES * 2 * channels];
        float[] mono = new float[CHUNK_FRAMES];
        int pending = 0;
        int read;
        while ((read = pcm.read(bytes, pending, bytes.length - pending)) > 0) {
            int available = pending + read;
            int frames = available / (2 * channels);
            ShortDownmix.toMono(ByteBuffer.wrap(bytes, 0, frames * 2 * channels).order(ByteOrder.LITTLE_ENDIAN)
                    .asShortBuffer(), channels, mono, frames);
            resampler.accept(mono, frames);
            pending = available - frames * 2 * channels;
            System.arraycopy(bytes, frames * 2 * channels, bytes, 0, pending);
        }
        resampler.finish();
    }
}
