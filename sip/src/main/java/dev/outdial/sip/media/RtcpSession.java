package dev.outdial.sip.media;

import java.util.OptionalDouble;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One leg's side of RTCP (RFC 3550 §6): when its next report is due, what it last heard of the far end's sender
 * reports (for its own report blocks' LSR and DLSR), and the round trips the far end's report blocks about the leg's
 * stream give (§6.4.1: the time a report came, less the time of the leg's sender report it names, less the far end's
 * delay in answering it). Reports go on the pacing thread, the far end's come on the receiving thread.
 */
final class RtcpSession {

    /** A round trip longer than this is a report's error (a far end's clock, a report of an old SR), not the line's. */
    private static final double LONGEST_ROUND_TRIP_MILLIS = 10_000;

    private final NtpClock clock;
    private final long intervalNanos;
    private long nextReportNanos;

    private boolean heardSenderReport;
    private int lastSenderReport;
    private long lastSenderReportArrivalNanos;

    private double roundTripSum;
    private long roundTrips;

    /** @param interval the mean time between reports; the first comes after half of it (§6.2) */
    RtcpSession(NtpClock clock, long intervalNanos, long nowNanos) {
        this.clock = clock;
        this.intervalNanos = intervalNanos;
        this.nextReportNanos = nowNanos + randomized(intervalNanos / 2);
    }

    /** Whether a report is due; if so the next is timed from now, 0.5 to 1.5 times the interval away (§6.3.1). */
    synchronized boolean due(long nowNanos) {
        if (nowNanos - nextReportNanos < 0) {
            return false;
        }
        nextReportNanos = nowNanos + randomized(intervalNanos);
        return true;
    }

    private static long randomized(long nanos) {
        return (long) (nanos * ThreadLocalRandom.current().nextDouble(0.5, 1.5));
    }

    NtpClock clock() {
        return clock;
    }

    /** A report block of the far end's stream as of {@code nowNanos}, with the last of its sender reports heard. */
    synchronized RtcpPacket.ReportBlock block(ReceptionStatistics.Counts counts, long nowNanos) {
        return new RtcpPacket.ReportBlock(counts.ssrc(), counts.fractionLost(), counts.cumulativeLost(),
                counts.extendedHighestSequence(), counts.jitter(), heardSenderReport ? lastSenderReport : 0,
                heardSenderReport ? (int) NtpClock.compact(nowNanos - lastSenderReportArrivalNanos) : 0);
    }

    /** A report of the far end's, come at {@code arrivalNanos}; {@code ourSsrc} the leg's stream. */
    synchronized void received(RtcpPacket.Report report, int ourSsrc, long arrivalNanos) {
        if (report.fromSender()) {
            heardSenderReport = true;
            lastSenderReport = NtpClock.middle(report.ntp());
            lastSenderReportArrivalNanos = arrivalNanos;
        }
        for (RtcpPacket.ReportBlock block : report.blocks()) {
            if (block.ssrc() == ourSsrc && block.lastSenderReport() != 0) {
                long units = (NtpClock.middle(clock.at(arrivalNanos)) - block.lastSenderReport()
                        - block.delaySinceLastSenderReport()) & 0xFFFFFFFFL;
                double millis = NtpClock.compactToMillis(units);
                if (millis <= LONGEST_ROUND_TRIP_MILLIS) {
                    roundTripSum += millis;
                    roundTrips++;
                }
            }
        }
    }

    /** The mean of the round trips measured; empty before the first. */
    synchronized OptionalDouble meanRoundTripMillis() {
        return roundTrips == 0 ? OptionalDouble.empty() : OptionalDouble.of(roundTripSum / roundTrips);
    }
}
