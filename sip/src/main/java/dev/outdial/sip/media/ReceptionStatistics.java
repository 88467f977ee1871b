package dev.outdial.sip.media;

import dev.outdial.sip.AudioQuality;
import java.util.Optional;

/**
 * The loss and the interarrival jitter of the RTP one leg receives (RFC 3550 A.1 and A.8), kept on the receiving
 * thread. A new source (another SSRC, or its sequence jumping far: the far end restarted its stream) is counted
 * from its own first packet on, beside what the sources before it sent.
 */
final class ReceptionStatistics {

    private static final int SEQUENCE_MODULUS = 1 << 16;
    /** A jump forward of this many packets or more is a restart, not a loss (RFC 3550 A.1's MAX_DROPOUT). */
    private static final int MAX_DROPOUT = 3000;
    /** A packet this far behind the highest one seen is a late or duplicated one (A.1's MAX_MISORDER). */
    private static final int MAX_MISORDER = 100;
    private static final double NANOS_PER_SECOND = 1e9;
    /**
     * A gap of this long between two audio packets (a hold, silence suppression) starts the jitter's comparison
     * anew: a phone that resumes with its timestamps where it stopped would otherwise read as seconds of jitter.
     */
    private static final long TALK_GAP_NANOS = 1_000_000_000L;

    private final int clockRate;
    private boolean started;
    private int ssrc;
    private int baseSequence;
    private int highestSequence;
    private long cycles;
    private long received;
    private long expectedBefore;
    private long receivedBefore;

    private boolean audioBefore;
    private int lastTimestamp;
    private long lastArrivalNanos;
    /** The running jitter estimate, in timestamp units. */
    private double jitter;
    private double jitterSum;
    private long jitterSamples;
    private double jitterMax;
    /** The highest jitter since the last {@link #mark}. */
    private double jitterMaxSinceMark;

    /** The current source's counts when it was last reported on (RFC 3550 A.3's expected_prior, received_prior). */
    private int reportedSsrc;
    private long expectedReported;
    private long receivedReported;

    /**
     * The current source's stream as a report block gives it (RFC 3550 §6.4.1, A.3, A.8).
     *
     * @param fractionLost   the share of the packets expected since the last report that were lost, in 256ths
     * @param cumulativeLost the packets lost since the source began, within 24 bits signed
     * @param jitter         the interarrival jitter in timestamp units
     */
    record Counts(int ssrc, int fractionLost, int cumulativeLost, int extendedHighestSequence, int jitter) {
    }

    /** Where the counts stood at a moment, for what was received from then on ({@link #since}). */
    record Mark(long expected, long received, double jitterSum, long jitterSamples) {
    }

    /** @param clockRate the RTP clock of the stream's timestamps (8,000 a second for G.711) */
    ReceptionStatistics(int clockRate) {
        this.clockRate = clockRate;
    }

    /** One packet of the far end's, in the order it arrived; {@code audio} false for an RFC 4733 event. */
    synchronized void packet(int ssrc, int sequence, int timestamp, long arrivalNanos, boolean audio) {
        if (!started || ssrc != this.ssrc) {
            startSource(ssrc, sequence);
        } else {
            int ahead = (sequence - highestSequence) & 0xFFFF;
            if (ahead < MAX_DROPOUT) {
                if (sequence < highestSequence) {
                    cycles += SEQUENCE_MODULUS;
                }
                highestSequence = sequence;
            } else if (ahead <= SEQUENCE_MODULUS - MAX_MISORDER) {
                startSource(ssrc, sequence);
            }
            // else: late or duplicated, counted as received only
        }
        received++;
        if (audio) {
            jitter(timestamp, arrivalNanos);
        }
    }

    private void startSource(int newSsrc, int sequence) {
        if (started) {
            expectedBefore += expected();
            receivedBefore += received;
        }
        started = true;
        ssrc = newSsrc;
        baseSequence = sequence;
        highestSequence = sequence;
        cycles = 0;
        received = 0;
        audioBefore = false;
    }

    /** What the source now sent, by its sequence numbers. */
    private long expected() {
        return cycles + highestSequence - baseSequence + 1;
    }

    /** What every source so far sent, by their sequence numbers. */
    private long expectedInAll() {
        return started ? expectedBefore + expected() : 0;
    }

    private void jitter(int timestamp, long arrivalNanos) {
        if (audioBefore && arrivalNanos - lastArrivalNanos < TALK_GAP_NANOS) {
            double arrived = (arrivalNanos - lastArrivalNanos) * clockRate / NANOS_PER_SECOND;
            double difference = Math.abs(arrived - (timestamp - lastTimestamp));
            jitter += (difference - jitter) / 16;
            jitterSum += jitter;
            jitterSamples++;
            jitterMax = Math.max(jitterMax, jitter);
            jitterMaxSinceMark = Math.max(jitterMaxSinceMark, jitter);
        }
        audioBefore = true;
        lastTimestamp = timestamp;
        lastArrivalNanos = arrivalNanos;
    }

    /** The current source's counts for a report, the next report's loss counted from now; empty before a packet. */
    synchronized Optional<Counts> report() {
        if (!started) {
            return Optional.empty();
        }
        if (reportedSsrc != ssrc || expected() < expectedReported) { // a new source, or the same one restarted
            reportedSsrc = ssrc;
            expectedReported = 0;
            receivedReported = 0;
        }
        long expected = expected();
        long expectedNow = expected - expectedReported;
        long lostNow = expectedNow - (received - receivedReported);
        expectedReported = expected;
        receivedReported = received;
        int fraction = expectedNow == 0 || lostNow <= 0 ? 0 : (int) ((lostNow << 8) / expectedNow);
        int cumulative = (int) Math.clamp(expected - received, -0x800000, 0x7FFFFF);
        return Optional.of(new Counts(ssrc, Math.min(fraction, 255), cumulative, (int) (cycles + highestSequence),
                (int) jitter));
    }

    /** What was received so far; empty before the first packet. */
    synchronized Optional<AudioQuality> quality() {
        return quality(new Mark(0, 0, 0, 0), jitterMax);
    }

    /** Where the counts stand now; the highest jitter is counted from here on too. */
    synchronized Mark mark() {
        jitterMaxSinceMark = 0;
        return new Mark(expectedInAll(), receivedBefore + received, jitterSum, jitterSamples);
    }

    /** What was received since {@code mark} (the last one taken); empty where nothing was. */
    synchronized Optional<AudioQuality> since(Mark mark) {
        return quality(mark, jitterMaxSinceMark);
    }

    private Optional<AudioQuality> quality(Mark from, double highestJitter) {
        long expected = expectedInAll() - from.expected();
        long arrived = receivedBefore + received - from.received();
        if (expected <= 0 || arrived <= 0) {
            return Optional.empty();
        }
        long lost = Math.clamp(expected - arrived, 0, expected);
        double toMillis = 1000.0 / clockRate;
        long samples = jitterSamples - from.jitterSamples();
        double mean = samples == 0 ? 0 : (jitterSum - from.jitterSum()) / samples * toMillis;
        return Optional.of(new AudioQuality(expected, lost, mean, Math.max(mean, highestJitter * toMillis)));
    }
}
