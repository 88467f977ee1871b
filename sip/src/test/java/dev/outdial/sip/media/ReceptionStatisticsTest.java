package dev.outdial.sip.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.outdial.sip.AudioQuality;
import org.junit.jupiter.api.Test;

/** RFC 3550's loss and jitter of what a leg receives, on streams whose every packet's arrival is chosen. */
class ReceptionStatisticsTest {

    private static final long MILLI = 1_000_000L;
    private static final int SSRC = 0x5eed;

    private final ReceptionStatistics statistics = new ReceptionStatistics(Codec.CLOCK_RATE);

    /** Packet {@code n} of a 20 ms stream beginning at {@code firstSequence}, arriving {@code lateMillis} late. */
    private void packet(int firstSequence, int n, double lateMillis) {
        statistics.packet(SSRC, (firstSequence + n) & 0xFFFF, n * 160, (long) ((n * 20 + lateMillis) * MILLI), true);
    }

    private AudioQuality quality() {
        return statistics.quality().orElseThrow();
    }

    @Test
    void nothingReceivedIsNoMeasure() {
        assertThat(statistics.quality()).isEmpty();
    }

    @Test
    void aReportGivesTheLossSinceTheLastOneTheLossInAllAndTheHighestSequenceWithItsWraps() {
        assertThat(statistics.report()).as("nothing received").isEmpty();
        for (int n = 0; n < 40; n++) {
            if (n != 5 && n != 6) {
                packet(65_520, n, 0); // 65,520 to 65,535, then 0 to 23
            }
        }
        ReceptionStatistics.Counts first = statistics.report().orElseThrow();
        assertThat(first.ssrc()).isEqualTo(SSRC);
        assertThat(first.cumulativeLost()).isEqualTo(2);
        assertThat(first.fractionLost()).as("2 of 40, in 256ths").isEqualTo(2 * 256 / 40);
        assertThat(first.extendedHighestSequence()).isEqualTo(65_536 + 23);

        for (int n = 40; n < 60; n++) {
            if (n != 50) {
                packet(65_520, n, 0);
            }
        }
        ReceptionStatistics.Counts second = statistics.report().orElseThrow();
        assertThat(second.cumulativeLost()).isEqualTo(3);
        assertThat(second.fractionLost()).as("1 of the 20 since the first report").isEqualTo(256 / 20);
        assertThat(statistics.report().orElseThrow().fractionLost()).as("nothing since").isZero();
    }

    @Test
    void aStreamOnTimeLosesNothingAndHasNoJitter() {
        for (int n = 0; n < 100; n++) {
            packet(1000, n, 0);
        }
        assertThat(quality()).isEqualTo(new AudioQuality(100, 0, 0, 0));
    }

    @Test
    void theMissingSequenceNumbersAreTheLossAcrossTheirWrap() {
        for (int n = 0; n < 100; n++) {
            if (n % 10 != 3) {
                packet(65_500, n, 0); // 65,500 to 65,535, then 0 to 63
            }
        }
        assertThat(quality().packetsExpected()).isEqualTo(100);
        assertThat(quality().packetsLost()).isEqualTo(10);
        assertThat(quality().lossRatio()).isEqualTo(0.1);
    }

    @Test
    void aLatePacketIsNotLostAndADuplicateMakesNoLossNegative() {
        for (int n = 0; n < 10; n++) {
            if (n != 4) {
                packet(7, n, 0);
            }
        }
        packet(7, 4, 120);
        packet(7, 6, 140);
        assertThat(quality().packetsExpected()).isEqualTo(10);
        assertThat(quality().packetsLost()).isZero();
    }

    @Test
    void packetsArrivingTenMillisecondsEarlyAndLateInTurnHaveTenMillisecondsOfJitter() {
        for (int n = 0; n < 500; n++) {
            packet(0, n, n % 2 == 0 ? 0 : 10);
        }
        // every interarrival differs from its 20 ms by 10 ms: RFC 3550's estimate converges to 10 ms
        assertThat(quality().maxJitterMillis()).isCloseTo(10, within(0.01));
        assertThat(quality().meanJitterMillis()).isBetween(9.0, 10.0);
    }

    @Test
    void aPauseInTheFarEndsAudioIsNotJitter() {
        for (int n = 0; n < 50; n++) {
            packet(0, n, 0);
        }
        // held for five seconds: its next packet carries the timestamp it would have had without the pause
        for (int n = 50; n < 100; n++) {
            statistics.packet(SSRC, n, n * 160, (n * 20 + 5000) * MILLI, true);
        }
        assertThat(quality()).isEqualTo(new AudioQuality(100, 0, 0, 0));
    }

    @Test
    void keysPressedCountForLossButNotForJitter() {
        for (int n = 0; n < 20; n++) {
            packet(0, n, 0);
        }
        // an RFC 4733 event's packets keep the timestamp of the key's start
        for (int n = 20; n < 30; n++) {
            statistics.packet(SSRC, n, 20 * 160, n * 20 * MILLI, false);
        }
        for (int n = 30; n < 40; n++) {
            packet(0, n, 0);
        }
        assertThat(quality()).isEqualTo(new AudioQuality(40, 0, 0, 0));
    }

    @Test
    void aNewSourceIsCountedFromItsOwnFirstPacketBesideTheOneBefore() {
        for (int n = 0; n < 50; n++) {
            if (n != 20 && n != 21) {
                packet(100, n, 0);
            }
        }
        // the far end restarted its stream (a transfer, a re-INVITE): another SSRC, another sequence
        for (int n = 0; n < 30; n++) {
            statistics.packet(0xbeef, (40_000 + n) & 0xFFFF, n * 160, (2000 + n * 20) * MILLI, true);
        }
        assertThat(quality().packetsExpected()).isEqualTo(80);
        assertThat(quality().packetsLost()).isEqualTo(2);
    }

    @Test
    void aSequenceThatJumpsFarIsARestartNotALoss() {
        for (int n = 0; n < 50; n++) {
            packet(0, n, 0);
        }
        for (int n = 0; n < 50; n++) {
            statistics.packet(SSRC, 30_000 + n, (50 + n) * 160, (50 + n) * 20 * MILLI, true);
        }
        assertThat(quality().packetsExpected()).isEqualTo(100);
        assertThat(quality().packetsLost()).isZero();
    }

    @Test
    void whatCameSinceAMarkIsCountedApartFromWhatCameBefore() {
        for (int n = 0; n < 50; n++) {
            packet(0, n, n % 2 == 0 ? 0 : 30); // a bad start: 30 ms of jitter
        }
        ReceptionStatistics.Mark bridged = statistics.mark();
        assertThat(statistics.since(bridged)).as("nothing yet").isEmpty();
        // after a pause of two seconds, evenly: the estimate only decays from where the bad start left it
        for (int n = 50; n < 80; n++) {
            if (n != 60 && n != 61 && n != 70) {
                statistics.packet(SSRC, n, n * 160, (n * 20 + 2000) * MILLI, true);
            }
        }
        AudioQuality since = statistics.since(bridged).orElseThrow();
        assertThat(since.packetsExpected()).isEqualTo(30);
        assertThat(since.packetsLost()).isEqualTo(3);
        assertThat(since.maxJitterMillis()).as("the bad start's highest is not this period's")
                .isLessThan(quality().maxJitterMillis());
        assertThat(since.meanJitterMillis()).isLessThan(quality().meanJitterMillis());
        assertThat(quality().packetsExpected()).as("the whole stream").isEqualTo(80);
    }
}
