package dev.outdial.sip.media;

import static dev.outdial.sip.media.SpokenAudio.beep;
import static dev.outdial.sip.media.SpokenAudio.joined;
import static dev.outdial.sip.media.SpokenAudio.recordedGreeting;
import static dev.outdial.sip.media.SpokenAudio.silence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BeepsTest {

    /**
     * When, in ms from the start of {@code audio} heard in 20 ms packets, a beep was told to have ended: as the packet
     * that told it was heard through.
     */
    static List<Integer> beepEnds(short[] audio) {
        Beeps beeps = new Beeps();
        List<Integer> ends = new ArrayList<>();
        for (int at = 0; at < audio.length; at += 160) {
            short[] packet = Arrays.copyOfRange(audio, at, Math.min(audio.length, at + 160));
            if (beeps.endedBefore(packet, packet.length)) {
                ends.add((at + packet.length) / 8);
            }
        }
        return ends;
    }

    @Test
    void aToneAnywhereFromThreeHundredToThreeThousandFourHundredHertzIsHeardAtItsFrequencyWhateverItsPhase() {
        Random random = new Random(7);
        for (int hz = 310; hz <= 3390; hz += 37) {
            short[] block = sine(hz, random.nextDouble() * 2 * Math.PI, 2000 + random.nextInt(12000), 160);
            assertThat(Beeps.toneOf(block, block.length)).as(hz + " Hz").isCloseTo(hz, within(hz * 0.01));
        }
    }

    @Test
    void voicesKeysHissAndTonesOutsideTheBandAreNotOneTone() {
        assertThat(Beeps.toneOf(SpokenAudio.voice(20), 160)).as("a low voice").isZero();
        assertThat(Beeps.toneOf(harmonics(320, 160), 160)).as("a high voice with its harmonics").isZero();
        assertThat(Beeps.toneOf(SpokenAudio.dtmf('5', 20), 160)).as("a key's two tones").isZero();
        assertThat(Beeps.toneOf(noise(160, 3000), 160)).as("loud noise").isZero();
        assertThat(Beeps.toneOf(sine(200, 0, 8000, 160), 160)).as("a hum under the band").isZero();
        assertThat(Beeps.toneOf(sine(3700, 0, 8000, 160), 160)).as("above the band").isZero();
    }

    @Test
    void aBeepIsToldOnceAsItEndsAndOnlyIfItLastedAtLeastAHundredMilliseconds() {
        short[] greeting = recordedGreeting(8);
        short[] audio = joined(greeting, silence(300), beep(60), silence(300), beep(400), silence(500));
        int beepEnd = (greeting.length / 8) + 300 + 60 + 300 + 400;

        assertThat(beepEnds(audio)).singleElement().satisfies(told -> assertThat(told).isBetween(beepEnd, beepEnd + 40));
    }

    @Test
    void aBeepIsHeardOverTheLinesHissAndEndsWhenTheHissComesBackLouderThanSilence() {
        short[] beep = joined(beep(500));
        short[] hissed = new short[beep.length];
        short[] hiss = noise(beep.length, 400);
        for (int i = 0; i < beep.length; i++) {
            hissed[i] = (short) (beep[i] + hiss[i]);
        }

        assertThat(beepEnds(joined(hissed, noise(8000, 900)))).singleElement()
                .satisfies(told -> assertThat(told).isBetween(500, 540));
    }

    @Test
    void aBeepThatRunsIntoTheLinesEndIsToldWhenThePacketsStop() {
        Beeps beeps = new Beeps();
        short[] beep = beep(200);
        for (int at = 0; at < beep.length; at += 160) {
            assertThat(beeps.endedBefore(Arrays.copyOfRange(beep, at, at + 160), 160)).isFalse();
        }

        assertThat(beeps.endedBeforeSilence()).isTrue();
        assertThat(beeps.endedBeforeSilence()).as("once").isFalse();
    }

    private static short[] sine(double hz, double phase, double amplitude, int count) {
        short[] samples = new short[count];
        for (int i = 0; i < count; i++) {
            samples[i] = (short) (amplitude * Math.sin(2 * Math.PI * hz * i / 8000 + phase));
        }
        return samples;
    }

    /** A voice's pitch with the harmonics its throat and mouth give it, falling off one by one. */
    private static short[] harmonics(double pitch, int count) {
        short[] samples = new short[count];
        for (int i = 0; i < count; i++) {
            double t = (double) i / 8000;
            samples[i] = (short) (3000 * Math.sin(2 * Math.PI * pitch * t) + 2200 * Math.sin(2 * Math.PI * 2 * pitch * t)
                    + 1500 * Math.sin(2 * Math.PI * 3 * pitch * t) + 800 * Math.sin(2 * Math.PI * 4 * pitch * t));
        }
        return samples;
    }

    private static short[] noise(int count, int amplitude) {
        Random random = new Random(count + amplitude);
        short[] samples = new short[count];
        for (int i = 0; i < count; i++) {
            samples[i] = (short) random.nextInt(-amplitude, amplitude + 1);
        }
        return samples;
    }
}
