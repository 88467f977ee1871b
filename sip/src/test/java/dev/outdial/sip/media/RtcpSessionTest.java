package dev.outdial.sip.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** When a leg reports, what its blocks say of the far end's sender reports, and the round trips it measures. */
class RtcpSessionTest {

    private static final long SECOND = 1_000_000_000L;
    private static final int OURS = 0x5EED;
    private static final int THEIRS = 0xFA2;
    /** A clock whose reading 0 is NTP second 3,900,000,000 exactly. */
    private static final NtpClock CLOCK = new NtpClock(3_900_000_000L << 32, 0);
    private static final ReceptionStatistics.Counts COUNTS = new ReceptionStatistics.Counts(THEIRS, 0, 0, 100, 0);

    private final RtcpSession session = new RtcpSession(CLOCK, 5 * SECOND, 0);

    @Test
    void theFirstReportComesAfterAboutHalfTheIntervalAndEachNextAfterHalfToOneAndAHalfIntervals() {
        assertThat(session.due(SECOND * 5 / 4 - 1)).as("not before a quarter of the interval").isFalse();
        assertThat(session.due(SECOND * 15 / 4)).as("by three quarters").isTrue();
        assertThat(session.due(SECOND * 15 / 4)).as("once").isFalse();
        assertThat(session.due(SECOND * 15 / 4 + SECOND * 5 / 2 - 1)).isFalse();
        assertThat(session.due(SECOND * 15 / 4 + SECOND * 15 / 2)).isTrue();
    }

    @Test
    void aBlockNamesTheFarEndsLastSenderReportAndHowLongAgoItCame() {
        assertThat(session.block(COUNTS, SECOND).lastSenderReport()).as("none heard yet").isZero();
        long theirTime = (3_800_000_123L << 32) | 0x8000_0000L; // their clock: another second, and a half
        session.received(new RtcpPacket.Report(THEIRS, true, theirTime, List.of()), OURS, SECOND);

        RtcpPacket.ReportBlock block = session.block(COUNTS, SECOND * 3 / 2);

        assertThat(block.lastSenderReport()).isEqualTo((int) (theirTime >>> 16));
        assertThat(block.delaySinceLastSenderReport()).as("half a second in 65,536ths").isEqualTo(32_768);
        assertThat(block.ssrc()).isEqualTo(THEIRS);
        assertThat(block.extendedHighestSequence()).isEqualTo(100);
    }

    @Test
    void aRoundTripIsTheTimeSinceOurSenderReportLessTheFarEndsDelayInAnswering() {
        long sentAt = 2 * SECOND;
        int ourReport = NtpClock.middle(CLOCK.at(sentAt));
        // the far end held our report 100 ms before answering; its answer came 300 ms after we sent it
        int held = (int) NtpClock.compact(SECOND / 10);
        session.received(receiverReport(ourReport, held), OURS, sentAt + SECOND * 3 / 10);
        assertThat(session.meanRoundTripMillis().orElseThrow()).isCloseTo(200, within(0.05));

        session.received(receiverReport(ourReport, 0), OURS, sentAt + SECOND * 4 / 10);
        assertThat(session.meanRoundTripMillis().orElseThrow()).as("the mean of 200 and 400 ms")
                .isCloseTo(300, within(0.05));
    }

    @Test
    void blocksThatMeasureNothingAreLeftOut() {
        assertThat(session.meanRoundTripMillis()).isEmpty();
        int ourReport = NtpClock.middle(CLOCK.at(2 * SECOND));
        session.received(receiverReport(0, 0), OURS, 3 * SECOND);
        session.received(new RtcpPacket.Report(THEIRS, false, 0, List.of(
                new RtcpPacket.ReportBlock(0x0DD, 0, 0, 0, 0, ourReport, 0))), OURS, 3 * SECOND);
        // a delay longer than the time since our report: a far end's error, not a negative round trip
        session.received(receiverReport(ourReport, (int) NtpClock.compact(2 * SECOND)), OURS, 3 * SECOND);
        assertThat(session.meanRoundTripMillis()).as("no SR named, another stream's block, a delay too long")
                .isEmpty();
    }

    private static RtcpPacket.Report receiverReport(int lastSenderReport, int delay) {
        return new RtcpPacket.Report(THEIRS, false, 0, List.of(
                new RtcpPacket.ReportBlock(OURS, 0, 0, 0, 0, lastSenderReport, delay)));
    }
}
