package dev.outdial.sip.media;

import java.util.Optional;

/**
 * A leg's received audio handed to a {@link Hearing} in the order it was spoken: each packet, and silence
 * where the far end sent none (silence suppression, comfort noise, a greeting's end): heard as it goes once no packet
 * came for {@link #QUIET_AFTER_NANOS}, and as the gap in the RTP timestamps when packets come again, less what was
 * already heard. Late packets are left out: the hearing only moves forward. Fed by the receiving thread with packets
 * and by the pacing thread with the quiet between them.
 */
final class HeardAudio<T> {

    /** A jump in the timestamps longer than this is a new stream (a re-INVITE moved the media), not a silence. */
    private static final int LONGEST_GAP_SAMPLES = 8_000;
    /** No packet for this long is silence, not the jitter of packets 20 ms apart. */
    static final long QUIET_AFTER_NANOS = 200_000_000L;

    private final Hearing<T> hearing;
    private boolean started;
    private int nextTimestamp;
    private long lastHeardNanos;
    /** The silence already heard since the last packet, by {@link #quiet}. */
    private long creditedMs;

    /** Listening from {@code startNanos} (the time base of the packets' arrival). */
    HeardAudio(Hearing<T> hearing, long startNanos) {
        this.hearing = hearing;
        this.lastHeardNanos = startNanos;
    }

    /**
     * One received audio packet of {@code count} samples (decoded), arrived at {@code nowNanos}; what the hearing tells
     * once it knows.
     */
    synchronized Optional<T> audio(int timestamp, short[] samples, int count, long nowNanos) {
        if (started) {
            int gap = timestamp - nextTimestamp;
            if (gap < 0) {
                return Optional.empty(); // late, or a repeat
            }
            long unheardMs = gap / 8 - creditedMs;
            if (gap <= LONGEST_GAP_SAMPLES && unheardMs > 0) {
                Optional<T> verdict = hearing.silence((int) unheardMs);
                if (verdict.isPresent()) {
                    return verdict;
                }
            }
        }
        started = true;
        creditedMs = 0;
        lastHeardNanos = nowNanos;
        nextTimestamp = timestamp + count;
        return hearing.heard(samples, count);
    }

    /** The far end sent nothing lately: what it told, once it has been quiet long enough to count. */
    synchronized Optional<T> quiet(long nowNanos) {
        long quietNanos = nowNanos - lastHeardNanos;
        long unheardMs = quietNanos / 1_000_000 - creditedMs;
        if (quietNanos < QUIET_AFTER_NANOS || unheardMs <= 0) {
            return Optional.empty();
        }
        creditedMs += unheardMs;
        return hearing.silence((int) unheardMs);
    }
}
