package dev.outdial.sip.media;

import java.util.Optional;

/**
 * A leg's received audio handed to a {@link Hearing} in the order it was spoken: each packet decoded, and a gap in
 * the RTP timestamps (the far end sent nothing, or comfort noise, while it was silent) heard as silence. Late packets
 * are left out: the hearing only moves forward. Fed by the receiving thread alone.
 */
final class HeardAudio<T> {

    /** A jump in the timestamps longer than this is a new stream (a re-INVITE moved the media), not a silence. */
    private static final int LONGEST_GAP_SAMPLES = 8_000;

    private final Hearing<T> hearing;
    private short[] samples = new short[160];
    private boolean started;
    private int nextTimestamp;

    HeardAudio(Hearing<T> hearing) {
        this.hearing = hearing;
    }

    /** One received audio packet; what the hearing tells once it knows. */
    Optional<T> audio(int timestamp, Codec codec, byte[] data, int offset, int length) {
        if (started) {
            int gap = timestamp - nextTimestamp;
            if (gap < 0) {
                return Optional.empty(); // late, or a repeat
            }
            if (gap > 0 && gap <= LONGEST_GAP_SAMPLES) {
                Optional<T> verdict = hearing.silence(gap / 8);
                if (verdict.isPresent()) {
                    return verdict;
                }
            }
        }
        started = true;
        nextTimestamp = timestamp + length;
        if (samples.length < length) {
            samples = new short[length];
        }
        for (int i = 0; i < length; i++) {
            samples[i] = G711.decode(codec, data[offset + i]);
        }
        return hearing.heard(samples, length);
    }
}
