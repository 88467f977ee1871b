package dev.outdial.sip.media;

import static dev.outdial.sip.media.SpokenAudio.joined;
import static dev.outdial.sip.media.SpokenAudio.recordedGreeting;
import static dev.outdial.sip.media.SpokenAudio.silence;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BusyTonesTest {

    static Told listen(short[] audio) {
        return Told.listening(new BusyTones(), audio);
    }

    /** A tone ({@code hz}, one or two frequencies) on for {@code onMs} and off for {@code offMs}, for {@code ms}. */
    static short[] cadence(int onMs, int offMs, int ms, double... hz) {
        short[] audio = silence(ms);
        for (int i = 0; i < audio.length; i++) {
            if (i / 8 % (onMs + offMs) < onMs) {
                double sample = 0;
                for (double each : hz) {
                    sample += 4000 * Math.sin(2 * Math.PI * each * i / 8000);
                }
                audio[i] = (short) sample;
            }
        }
        return audio;
    }

    @Test
    void busyTonesOfEuropeAsiaBritainAndNorthAmericaAreBusyWithinFourCycles() {
        short[][] busy = {cadence(500, 500, 8000, 425), cadence(350, 350, 8000, 425), cadence(375, 375, 8000, 400),
            cadence(500, 500, 8000, 450), cadence(500, 500, 8000, 480, 620)};
        for (short[] tone : busy) {
            Told told = listen(tone);
            assertThat(told.answerer()).isEqualTo(Answerer.BUSY);
            assertThat(told.afterMs()).as("three cycles and the fourth's start").isLessThan(4 * 1000 + 200);
        }
    }

    @Test
    void fastBeatsAreCongestion() {
        assertThat(listen(cadence(250, 250, 6000, 480, 620)).answerer()).as("reorder").isEqualTo(Answerer.CONGESTION);
        assertThat(listen(cadence(200, 200, 6000, 425)).answerer()).as("E.180's congestion").isEqualTo(Answerer.CONGESTION);
    }

    @Test
    void ringBackDialToneSpeechAndUnevenBeatsAreNoBusyTone() {
        assertThat(listen(cadence(1000, 4000, 20000, 425)).answerer()).as("Europe's ring-back").isNull();
        assertThat(listen(cadence(2000, 4000, 20000, 440, 480)).answerer()).as("North America's ring-back").isNull();
        short[] britishRing = joined(cadence(400, 200, 600, 400, 450), cadence(400, 2000, 2400, 400, 450));
        assertThat(listen(joined(britishRing, britishRing, britishRing, britishRing, britishRing)).answerer())
                .as("Britain's ring-back: two beats, then a long pause").isNull();
        assertThat(listen(cadence(10000, 0, 10000, 425)).answerer()).as("a dial tone").isNull();
        assertThat(listen(recordedGreeting(40)).answerer()).as("speech").isNull();
        List<short[]> uneven = new ArrayList<>();
        int[] beats = {200, 600, 300, 500, 250, 650, 200, 450};
        for (int i = 0; i < 24; i++) {
            int on = beats[i % beats.length];
            uneven.add(cadence(on, 0, on, 425));
            uneven.add(silence(beats[(i + 3) % beats.length]));
        }
        assertThat(listen(joined(uneven.toArray(short[][]::new))).answerer()).as("beats of uneven lengths").isNull();
        assertThat(listen(cadence(500, 250, 8000, 425)).answerer()).as("on twice as long as off").isNull();
        assertThat(listen(cadence(500, 500, 8000, 1000)).answerer()).as("a beeping tone of another pitch").isNull();
    }

    @Test
    void aLostPacketOrAClickDoesNotSplitABeat() {
        short[] busy = cadence(500, 500, 8000, 425);
        for (int beat = 0; beat < 7; beat++) {
            int lost = 8 * (beat * 1000 + 240);
            Arrays.fill(busy, lost, lost + 160, (short) 0); // a packet of silence inside each beat on
            int click = 8 * (beat * 1000 + 740);
            Arrays.fill(busy, click, click + 80, (short) 9000); // a click inside each beat off
        }

        assertThat(listen(busy).answerer()).isEqualTo(Answerer.BUSY);
    }

    @Test
    void aBeatAndThePauseAfterItAreUnderwayUntilThePauseIsTooLongForABusyTone() {
        BusyTones tones = new BusyTones();
        assertThat(tones.underway()).isFalse();
        assertThat(Told.listening(tones, cadence(300, 0, 300, 425)).answerer()).isNull();
        assertThat(tones.underway()).as("a beat").isTrue();
        assertThat(Told.listening(tones, silence(600)).answerer()).isNull();
        assertThat(tones.underway()).as("the pause after it").isTrue();
        assertThat(Told.listening(tones, silence(200)).answerer()).isNull();
        assertThat(tones.underway()).as("too long a pause").isFalse();
        assertThat(Told.listening(tones, cadence(1000, 0, 1000, 425)).answerer()).isNull();
        assertThat(tones.underway()).as("too long a tone").isFalse();
    }

    @Test
    void aBusyToneAfterOtherAudioIsStillHeard() {
        Told told = listen(joined(cadence(1000, 4000, 5000, 425), recordedGreeting(6), cadence(500, 500, 6000, 425)));

        assertThat(told.answerer()).isEqualTo(Answerer.BUSY);
    }

    @Test
    void theNetworksTonesInEarlyMediaAreTheirSpecialInformationTonesOrABusyOrCongestionTone() {
        java.util.Random random = new java.util.Random(8);
        assertThat(Told.listening(new NetworkTones(), SpecialInformationTonesTest.sit(random, 913.8, 274, 1370.6, 274)).answerer())
                .isEqualTo(Answerer.NOT_IN_SERVICE);
        assertThat(Told.listening(new NetworkTones(), cadence(500, 500, 8000, 480, 620)).answerer()).isEqualTo(Answerer.BUSY);
        assertThat(Told.listening(new NetworkTones(), cadence(250, 250, 8000, 425)).answerer()).isEqualTo(Answerer.CONGESTION);
        assertThat(Told.listening(new NetworkTones(), joined(cadence(1000, 4000, 15000, 425), recordedGreeting(20))).answerer())
                .as("ring-back, then an announcement without tones").isNull();
    }
}
