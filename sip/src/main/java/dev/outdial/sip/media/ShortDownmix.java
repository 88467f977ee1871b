package dev.outdial.sip.media;

import java.nio.ShortBuffer;

/** Averages interleaved 16-bit channels into one, so a stereo upload loses neither side. */
final class ShortDownmix {

    private ShortDownmix() {
    }

    static void toMono(ShortBuffer interleaved, int channels, float[] mono, int frames) {
        for (int frame = 0; frame < frames; frame++) {
            float sum = 0;
            for (int channel = 0; channel < channels; channel++) {
                sum += interleaved.get(frame * channels + channel);
            }
            mono[frame] = sum / channels;
        }
    }

    static void toMono(short[] interleaved, int channels, float[] mono, int frames) {
        toMono(ShortBuffer.wrap(interleaved), channels, mono, frames);
    }
}
