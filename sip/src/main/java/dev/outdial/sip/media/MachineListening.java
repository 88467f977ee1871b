package dev.outdial.sip.media;

import java.util.Optional;

/**
 * A leg's received audio handed to a {@link GreetingAnalysis} in the order it was spoken: each packet decoded, and a
 * gap in the RTP timestamps (the far end sent nothing, or comfort noise, while it was silent) heard as silence.
 * Late packets are left out: the analysis only moves forward. Fed by the receiving thread alone.
 */
final class MachineListening {

    /** A jump in the timestamps longer than this is a new stream (a re-INVITE moved the media), not a silence. */
    private static final int LONGEST_GAP_SAMPLES = 8_000;

    private final GreetingAnalysis analysis = new GreetingAnalysis();
    private short[] samples = new short[160];
    private boolean started;
    private int nextTimestamp;

    /** One received audio packet; the verdict once it is known. */
    Optional<Answerer> audio(int timestamp, Codec codec, byte[] data, int offset, int length) {
        if (started) {
            int gap = timestamp - nextTimestamp;
            if (gap < 0) {
                return Optional.empty(); // late, or a repeat
            }
            if (gap > 0 && gap <= LONGEST_GAP_SAMPLES) {
                Optional<Answerer> verdict = analysis.silence(gap / 8);
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
        return analysis.heard(samples, length);
    }
}
