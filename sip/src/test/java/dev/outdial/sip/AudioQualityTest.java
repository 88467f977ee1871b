package dev.outdial.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The mean opinion score a call's loss and jitter give (the simplified E-model for G.711). */
class AudioQualityTest {

    @Test
    void aPerfectLineScoresG711sBest() {
        assertThat(new AudioQuality(3000, 0, 0, 0).meanOpinionScore()).isCloseTo(4.40, within(0.01));
    }

    @Test
    void lossAndJitterLowerTheScoreAsTheEModelSays() {
        // R = 93.2 - 10/40 - 2.5 x 5 = 80.45
        assertThat(new AudioQuality(1000, 50, 0, 0).meanOpinionScore()).isCloseTo(4.04, within(0.01));
        // 100 ms of jitter: a latency of 210 ms, R = 93.2 - 9 = 84.2
        assertThat(new AudioQuality(1000, 0, 100, 150).meanOpinionScore()).isCloseTo(4.17, within(0.01));
        // half the packets lost: R at its floor of 0
        assertThat(new AudioQuality(1000, 500, 0, 0).meanOpinionScore()).isEqualTo(1.0);
    }

    @Test
    void aRoundTripMeasuredCountsHalfOfItAsTheNetworksDelay() {
        // a 300 ms round trip: 150 ms one way, a latency of 160 ms, R = 93.2 - 4 = 89.2
        AudioQuality measured = new AudioQuality(3000, 0, 0, 0).withRoundTrip(300);
        assertThat(measured.meanOpinionScore()).isCloseTo(4.32, within(0.01));
        assertThat(measured.roundTripMillis()).isEqualTo(300.0);
        assertThat(new AudioQuality(3000, 0, 0, 0).roundTripMillis()).as("no RTCP: not measured").isNull();
        assertThatThrownBy(() -> new AudioQuality(10, 0, 0, 0).withRoundTrip(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsThatCannotBeAreRefused() {
        assertThatThrownBy(() -> new AudioQuality(10, 11, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AudioQuality(10, 0, 5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new AudioQuality(0, 0, 0, 0).lossRatio()).isZero();
    }
}
