package dev.outdial.sip.media;

import java.io.IOException;
import java.io.InputStream;
import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.BitstreamException;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.DecoderException;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.SampleBuffer;

/**
 * Decodes an MP3 (MPEG 1, 2 and 2.5, layers I to III) with JLayer, mixes it to mono and resamples
 * it to 8 kHz. JLayer is pure Java (no native code to ship), the decoder most Java projects use,
 * and small; its packaging under {@code com.googlecode.soundlibs} carries the last fixes.
 */
final class Mp3Decoder {

    private Mp3Decoder() {
    }

    static void decode(InputStream mp3, ClipSamples samples) throws IOException {
        Bitstream bitstream = new Bitstream(mp3);
        Decoder decoder = new Decoder();
        Resampler resampler = null;
        int rate = 0;
        float[] mono = new float[0];
        try {
            Header header;
            while ((header = bitstream.readFrame()) != null) {
                SampleBuffer output = (SampleBuffer) decoder.decodeFrame(header, bitstream);
                int frameRate = output.getSampleFrequency();
                if (resampler == null) {
                    rate = frameRate;
                    resampler = new Resampler(rate, samples);
                } else if (frameRate != rate) {
                    throw new IOException("the MP3 changes its sample rate from " + rate + " to " + frameRate + " Hz");
                }
                int channels = output.getChannelCount();
                int frames = output.getBufferLength() / channels;
                if (mono.length < frames) {
                    mono = new float[frames];
                }
                ShortDownmix.toMono(output.getBuffer(), channels, mono, frames);
                resampler.accept(mono, frames);
                bitstream.closeFrame();
            }
        } catch (BitstreamException | DecoderException | ArrayIndexOutOfBoundsException e) {
            throw new IOException("the MP3 is damaged: " + e.getMessage(), e);
        } finally {
            try {
                bitstream.close();
            } catch (BitstreamException ignored) {
                // the stream is the caller's; nothing was left to release
            }
        }
        if (resampler == null) {
            throw new IOException("the MP3 holds no audio frames");
        }
        resampler.finish();
    }
}
