package dev.outdial.sip.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CallProgressTonesTest {

    private static final int RATE = 8000;

    @Test
    void northAmericaRingsTwoSecondsOfItsTwoTonesInSix() {
        short[] cycle = CallProgressTones.ringBack("+12125550123").samples();

        assertThat(cycle).hasSize(6 * RATE);
        assertTones(stretch(cycle, 0, 2000), 440, 480);
        assertSilent(stretch(cycle, 2000, 6000));
    }

    @Test
    void britainAndAustraliaRingTwiceInThreeSeconds() {
        for (String number : new String[] {"+442071234567", "+61212345678", "+353112345678", "+6491234567"}) {
            short[] cycle = CallProgressTones.ringBack(number).samples();

            assertThat(cycle).as(number).hasSize(3 * RATE);
            assertTones(stretch(cycle, 0, 400), 400, 450);
            assertSilent(stretch(cycle, 400, 600));
            assertTones(stretch(cycle, 600, 1000), 400, 450);
            assertSilent(stretch(cycle, 1000, 3000));
        }
    }

    @Test
    void franceAndJapanRingTheirOwnCadences() {
        short[] french = CallProgressTones.ringBack("+33142685300").samples();
        assertThat(french).hasSize(5 * RATE);
        assertTones(stretch(french, 0, 1500), 440);
        assertSilent(stretch(french, 1500, 5000));

        short[] japanese = CallProgressTones.ringBack("+81312345678").samples();
        assertThat(japanese).hasSize(3 * RATE);
        assertTones(stretch(japanese, 0, 1000), 384, 416);
        assertSilent(stretch(japanese, 1000, 3000));
    }

    @Test
    void elsewhereTheRingBackIsTheItusOneSecondOf425HzInFive() {
        for (String number : new String[] {"+4930555123", "+84912345678", "+8613812345678"}) {
            short[] cycle = CallProgressTones.ringBack(number).samples();

            assertThat(cycle).as(number).hasSize(5 * RATE);
            assertTones(stretch(cycle, 0, 1000), 425);
            assertSilent(stretch(cycle, 1000, 5000));
        }
    }

    @Test
    void aBusyToneIsThreeBeatsOfTheCountrysCadenceAndCongestionFaster() {
        short[] american = CallProgressTones.busy("+12125550123").samples();
        assertThat(american).hasSize(3 * RATE);
        for (int beat = 0; beat < 3; beat++) {
            assertTones(stretch(american, beat * 1000, beat * 1000 + 500), 480, 620);
            assertSilent(stretch(american, beat * 1000 + 500, beat * 1000 + 1000));
        }
        short[] reorder = CallProgressTones.congestion("+12125550123").samples();
        assertThat(reorder).as("three quarter-second beats").hasSize(3 * RATE / 2);
        assertTones(stretch(reorder, 1000, 1250), 480, 620);

        short[] german = CallProgressTones.busy("+4930555123").samples();
        assertThat(german).hasSize(3 * RATE);
        assertTones(stretch(german, 2000, 2500), 425);
        assertSilent(stretch(german, 2500, 3000));

        short[] british = CallProgressTones.busy("+442071234567").samples();
        assertThat(british).as("375 ms on and off").hasSize(3 * 750 * RATE / 1000);
        assertTones(stretch(british, 750, 1125), 400);
        assertSilent(stretch(british, 1125, 1500));
        assertThat(CallProgressTones.congestion("+442071234567").samples()).as("its uneven congestion cadence")
                .hasSize(3 * 1500 * RATE / 1000);
    }

    @Test
    void theToneIsHeardButNeverLoudAndStartsAndEndsWithoutAClick() {
        short[] cycle = CallProgressTones.ringBack("+4930555123").samples();
        int loudest = 0;
        for (short sample : cycle) {
            loudest = Math.max(loudest, Math.abs(sample));
        }
        assertThat(loudest).as("about -20 dBFS").isBetween(3000, 3400);
        assertThat(Math.abs(cycle[0])).isZero();
        assertThat(Math.abs(cycle[1])).as("rising from nothing").isLessThan(400);
        assertThat(Math.abs(cycle[RATE - 1])).as("falling to nothing").isLessThan(400);
    }

    /** The samples from {@code fromMs} to {@code toMs}, less 20 ms at each end where the tone rises and falls. */
    private static short[] stretch(short[] samples, int fromMs, int toMs) {
        return Arrays.copyOfRange(samples, (fromMs + 20) * RATE / 1000, (toMs - 20) * RATE / 1000);
    }

    private static void assertTones(short[] stretch, double... hertz) {
        for (double frequency : hertz) {
            assertThat(Tone.level(stretch, frequency, RATE)).as(frequency + " Hz").isGreaterThan(3300.0 / hertz.length * 0.9);
        }
        assertThat(Tone.level(stretch, 1000, RATE)).as("nothing else").isLessThan(50);
    }

    private static void assertSilent(short[] stretch) {
        assertThat(stretch).containsOnly((short) 0);
    }
}
