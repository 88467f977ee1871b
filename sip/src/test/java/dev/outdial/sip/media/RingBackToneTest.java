package dev.outdial.sip.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RingBackToneTest {

    private static final int RATE = 8000;

    @Test
    void northAmericaRingsTwoSecondsOfItsTwoTonesInSix() {
        short[] cycle = RingBackTone.forNumber("+12125550123").samples();

        assertThat(cycle).hasSize(6 * RATE);
        assertTones(stretch(cycle, 0, 2000), 440, 480);
        assertSilent(stretch(cycle, 2000, 6000));
    }

    @Test
    void britainAndAustraliaRingTwiceInThreeSeconds() {
        for (String number : new String[] {"+442071234567", "+61212345678", "+353112345678", "+6491234567"}) {
            short[] cycle = RingBackTone.forNumber(number).samples();

            assertThat(cycle).as(number).hasSize(3 * RATE);
            assertTones(stretch(cycle, 0, 400), 400, 450);
            assertSilent(stretch(cycle, 400, 600));
            assertTones(stretch(cycle, 600, 1000), 400, 450);
            assertSilent(stretch(cycle, 1000, 3000));
        }
    }

    @Test
    void franceAndJapanRingTheirOwnCadences() {
        short[] french = RingBackTone.forNumber("+33142685300").samples();
        assertThat(french).hasSize(5 * RATE);
        assertTones(stretch(french, 0, 1500), 440);
        assertSilent(stretch(french, 1500, 5000));

        short[] japanese = RingBackTone.forNumber("+81312345678").samples();
        assertThat(japanese).hasSize(3 * RATE);
        assertTones(stretch(japanese, 0, 1000), 384, 416);
        assertSilent(stretch(japanese, 1000, 3000));
    }

    @Test
    void elsewhereTheRingBackIsTheItusOneSecondOf425HzInFive() {
        for (String number : new String[] {"+4930555123", "+84912345678", "+8613812345678"}) {
            short[] cycle = RingBackTone.forNumber(number).samples();

            assertThat(cycle).as(number).hasSize(5 * RATE);
            assertTones(stretch(cycle, 0, 1000), 425);
            assertSilent(stretch(cycle, 1000, 5000));
        }
    }

    @Test
    void theToneIsHeardButNeverLoudAndStartsAndEndsWithoutAClick() {
        short[] cycle = RingBackTone.forNumber("+4930555123").samples();
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
