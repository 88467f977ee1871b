package dev.outdial.sip.media;

import static dev.outdial.sip.media.SpokenAudio.joined;
import static dev.outdial.sip.media.SpokenAudio.recordedGreeting;
import static dev.outdial.sip.media.SpokenAudio.silence;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpecialInformationTonesTest {

    private static final double FIRST_LOW = 913.8;
    private static final double FIRST_HIGH = 985.2;
    private static final double SECOND_LOW = 1370.6;
    private static final double SECOND_HIGH = 1428.5;
    private static final double THIRD = 1776.7;
    private static final int SHORT = 274;
    private static final int LONG = 380;

    static Told listen(short[] audio) {
        return Told.listening(new SpecialInformationTones(), audio);
    }

    /**
     * Three tones as a network plays them, at a phase and level of the random's choosing, parted by {@code gapMs} of
     * silence, and followed by an announcement's words.
     */
    static short[] sit(Random random, double[] hz, int[] ms, int gapMs) {
        short[][] parts = new short[7][];
        for (int i = 0; i < 3; i++) {
            parts[2 * i] = tone(hz[i], ms[i], random.nextDouble() * 2 * Math.PI, 1500 + random.nextInt(9000));
            parts[2 * i + 1] = i < 2 ? new short[gapMs * 8] : silence(200);
        }
        parts[6] = recordedGreeting(12);
        return joined(parts);
    }

    static short[] sit(Random random, double first, int firstMs, double second, int secondMs) {
        return sit(random, new double[] {first, second, THIRD}, new int[] {firstMs, secondMs, LONG}, random.nextInt(5));
    }

    static short[] tone(double hz, int ms, double phase, double amplitude) {
        short[] tone = new short[ms * 8];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * i / 8000 + phase));
        }
        return tone;
    }

    @Test
    void interceptAndVacantCodeSayTheNumberIsNotInServiceAndAreToldWithinTheirThirdTone() {
        Random random = new Random(11);
        for (int round = 0; round < 20; round++) {
            short[] intercept = sit(random, FIRST_LOW, SHORT, SECOND_LOW, SHORT);
            short[] vacantCode = sit(random, FIRST_HIGH, LONG, SECOND_LOW, SHORT);

            Told interceptTold = listen(intercept);
            assertThat(interceptTold.answerer()).as("intercept").isEqualTo(Answerer.NOT_IN_SERVICE);
            assertThat(interceptTold.afterMs()).as("within the third tone")
                    .isBetween(2 * SHORT + 200, 2 * SHORT + LONG + 10);
            assertThat(listen(vacantCode).answerer()).as("vacant code").isEqualTo(Answerer.NOT_IN_SERVICE);
        }
    }

    @Test
    void noCircuitReorderAndTheOtherCodesSayTheNetworkCouldNotPutTheCallThrough() {
        Random random = new Random(12);
        double[][] firstAndSecond = {{FIRST_HIGH, SECOND_HIGH}, {FIRST_LOW, SECOND_LOW}, {FIRST_LOW, SECOND_HIGH},
            {FIRST_HIGH, SECOND_LOW}, {FIRST_LOW, SECOND_HIGH}, {FIRST_HIGH, SECOND_HIGH}};
        int[][] lengths = {{LONG, LONG}, {LONG, LONG}, {SHORT, LONG}, {SHORT, LONG}, {LONG, SHORT}, {SHORT, SHORT}};
        for (int code = 0; code < firstAndSecond.length; code++) {
            short[] tones = sit(random, firstAndSecond[code][0], lengths[code][0], firstAndSecond[code][1],
                    lengths[code][1]);

            assertThat(listen(tones).answerer()).as("code " + code).isEqualTo(Answerer.CONGESTION);
        }
    }

    @Test
    void theItuTonesOfEuropeAndAsiaSayTheNumberCannotBeReachedWithinTheirTolerances() {
        Random random = new Random(13);
        for (int ms : new int[] {270, 330, 390}) {
            short[] tones = sit(random, new double[] {950, 1400, 1800}, new int[] {ms, ms, ms}, 30);
            short[] offTune = sit(random, new double[] {990, 1360, 1840}, new int[] {ms, ms, ms}, 0);

            assertThat(listen(tones).answerer()).as(ms + " ms").isEqualTo(Answerer.NOT_IN_SERVICE);
            assertThat(listen(offTune).answerer()).as(ms + " ms, 40 Hz off").isEqualTo(Answerer.NOT_IN_SERVICE);
        }
    }

    @Test
    void aBeepAKeyAVoiceRingbackOrTonesOutOfOrderTooShortOrTooFarApartAreNoSit() {
        Random random = new Random(14);
        double[] rising = {FIRST_LOW, SECOND_LOW, THIRD};
        assertThat(listen(joined(tone(1000, 500, 0, 8000), silence(2000))).answerer()).as("a beep").isNull();
        assertThat(listen(joined(SpokenAudio.dtmf('5', 300), SpokenAudio.dtmf('9', 300), SpokenAudio.dtmf('#', 400)))
                .answerer()).as("keys").isNull();
        assertThat(listen(recordedGreeting(20)).answerer()).as("a greeting").isNull();
        short[] ringback = new short[8000];
        for (int i = 0; i < ringback.length; i++) {
            ringback[i] = (short) (3000 * Math.sin(2 * Math.PI * 440 * i / 8000)
                    + 3000 * Math.sin(2 * Math.PI * 480 * i / 8000));
        }
        assertThat(listen(joined(ringback, silence(3000), tone(425, 1000, 0, 6000))).answerer()).as("ringback")
                .isNull();
        assertThat(listen(sit(random, new double[] {THIRD, SECOND_LOW, FIRST_LOW}, new int[] {LONG, SHORT, SHORT}, 0))
                .answerer()).as("falling").isNull();
        assertThat(listen(sit(random, rising, new int[] {120, 120, 120}, 0)).answerer()).as("too short").isNull();
        assertThat(listen(sit(random, rising, new int[] {600, 600, 600}, 0)).answerer()).as("too long").isNull();
        assertThat(listen(sit(random, rising, new int[] {SHORT, SHORT, LONG}, 150)).answerer()).as("too far apart")
                .isNull();
    }

    @Test
    void aSitAfterOtherAudioIsStillHeardAndOneCutShortIsForgotten() {
        Random random = new Random(15);
        short[] cutShort = Arrays.copyOf(sit(random, FIRST_LOW, SHORT, SECOND_LOW, SHORT), 8 * (2 * SHORT + 100));

        Told told = listen(joined(recordedGreeting(3), cutShort, silence(500),
                sit(random, FIRST_HIGH, LONG, SECOND_LOW, SHORT)));

        assertThat(told.answerer()).isEqualTo(Answerer.NOT_IN_SERVICE);
    }

    @Test
    void whileAToneMayBeginASitItIsUnderwayAndOnceItCannotItIsNot() {
        SpecialInformationTones tones = new SpecialInformationTones();
        assertThat(tones.underway()).isFalse();
        heard(tones, tone(FIRST_LOW, 200, 0, 5000));
        assertThat(tones.underway()).as("a first tone").isTrue();
        heard(tones, tone(SECOND_LOW, 100, 0, 5000));
        assertThat(tones.underway()).as("then a second").isTrue();
        heard(tones, silence(100));
        assertThat(tones.underway()).as("the second ended too short").isFalse();
        heard(tones, tone(FIRST_HIGH, 300, 0, 5000));
        heard(tones, silence(40));
        assertThat(tones.underway()).as("a gap a SIT may have").isTrue();
        heard(tones, silence(40));
        assertThat(tones.underway()).as("past it").isFalse();
    }

    private static void heard(SpecialInformationTones tones, short[] audio) {
        for (int at = 0; at < audio.length; at += 160) {
            short[] packet = Arrays.copyOfRange(audio, at, Math.min(audio.length, at + 160));
            assertThat(tones.heard(packet, packet.length)).isEmpty();
        }
    }
}
