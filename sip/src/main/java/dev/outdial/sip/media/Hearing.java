package dev.outdial.sip.media;

import java.util.Optional;

/** What listens to a leg's received audio, block by block, until it has something to tell ({@link HeardAudio}). */
interface Hearing<T> {

    /** The mean absolute amplitude (of 16-bit samples) above which a block is voiced: about −42 dBFS. */
    int SILENCE_THRESHOLD = 256;

    /** {@code count} samples of 8 kHz audio heard next; what it tells once it knows, and then the same. */
    Optional<T> heard(short[] samples, int count);

    /** {@code ms} of silence heard next: a gap in the far end's packets. */
    Optional<T> silence(int ms);

    /** Whether the block is speech (or a tone) rather than a quiet line, by its mean absolute amplitude (−42 dBFS). */
    static boolean voiced(short[] samples, int count) {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += Math.abs(samples[i]);
        }
        return count > 0 && sum / count > SILENCE_THRESHOLD;
    }
}
