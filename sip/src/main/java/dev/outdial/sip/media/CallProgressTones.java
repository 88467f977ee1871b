package dev.outdial.sip.media;

import java.util.List;

/**
 * What a caller hears from the network while a call rings and when it fails, where the network sends no audio of its
 * own (a 180 Ringing, a 486 Busy Here without early media): the tones of the called number's country, as its exchange
 * would play them (ITU-T E.180 Supplement 2), so an agent waiting on a call hears it ring, or be busy, as on any phone.
 * About −20 dBFS; each tone rises and falls over 10 ms so it starts and stops without a click.
 */
public final class CallProgressTones {

    private static final int RATE = Resampler.TARGET_RATE;
    private static final double AMPLITUDE = 3300;
    /** How many beats of a busy or congestion tone are played: enough to tell, short enough not to linger. */
    private static final int FAILURE_CYCLES = 3;

    /** A tone: its frequencies (summed), and how long it is on and off, in turn, in milliseconds, for one cycle. */
    private record Cadence(double[] hertz, int... onOffMillis) {
    }

    /** The regions whose tones differ, each with its ring-back, busy and congestion (reorder) tones. */
    private enum Region {
        /** +1: 440 + 480 Hz, 2 s in 6; busy 480 + 620 Hz, half a second on and off, reorder a quarter. */
        NORTH_AMERICA(new Cadence(new double[] {440, 480}, 2000, 4000), new Cadence(new double[] {480, 620}, 500, 500),
                new Cadence(new double[] {480, 620}, 250, 250)),
        /** Britain, Ireland, Australia, New Zealand: the double ring of 400 + 450 Hz; busy 400 Hz, 375 ms on and off. */
        DOUBLE_RING(new Cadence(new double[] {400, 450}, 400, 200, 400, 2000), new Cadence(new double[] {400}, 375, 375),
                new Cadence(new double[] {400}, 400, 350, 225, 525)),
        /** France: 440 Hz, 1.5 s in 5; busy half a second on and off. */
        FRANCE(new Cadence(new double[] {440}, 1500, 3500), new Cadence(new double[] {440}, 500, 500),
                new Cadence(new double[] {440}, 250, 250)),
        /** Japan: 400 Hz modulated by 16 Hz (its two side tones), 1 s in 3; busy 400 Hz half a second on and off. */
        JAPAN(new Cadence(new double[] {384, 416}, 1000, 2000), new Cadence(new double[] {400}, 500, 500),
                new Cadence(new double[] {400}, 250, 250)),
        /** Most of Europe and Asia (Germany, Vietnam, China, India): 425 Hz, 1 s in 5; busy 0.5 s on and off. */
        ITU(new Cadence(new double[] {425}, 1000, 4000), new Cadence(new double[] {425}, 500, 500),
                new Cadence(new double[] {425}, 250, 250));

        private final AudioClip ringBack;
        private final AudioClip busy;
        private final AudioClip congestion;

        Region(Cadence ringBack, Cadence busy, Cadence congestion) {
            this.ringBack = clipOf(ringBack, 1);
            this.busy = clipOf(busy, FAILURE_CYCLES);
            this.congestion = clipOf(congestion, FAILURE_CYCLES);
        }

        private static final List<String> DOUBLE_RING_CODES = List.of("+44", "+353", "+61", "+64");

        static Region of(String number) {
            if (number.startsWith("+1")) {
                return NORTH_AMERICA;
            }
            if (DOUBLE_RING_CODES.stream().anyMatch(number::startsWith)) {
                return DOUBLE_RING;
            }
            if (number.startsWith("+33")) {
                return FRANCE;
            }
            return number.startsWith("+81") ? JAPAN : ITU;
        }
    }

    private CallProgressTones() {
    }

    /**
     * The ring-back tone heard calling {@code number} (E.164), one cycle, to be played looped; the 425 Hz most countries
     * use where the number's country is not one of those known.
     */
    public static AudioClip ringBack(String number) {
        return Region.of(number).ringBack;
    }

    /** The busy tone of {@code number}'s country, a few beats of it, played once. */
    public static AudioClip busy(String number) {
        return Region.of(number).busy;
    }

    /** The congestion (reorder, "all circuits busy") tone of {@code number}'s country, a few beats, played once. */
    public static AudioClip congestion(String number) {
        return Region.of(number).congestion;
    }

    private static AudioClip clipOf(Cadence cadence, int cycles) {
        int cycle = 0;
        for (int millis : cadence.onOffMillis()) {
            cycle += millis;
        }
        short[] samples = new short[RATE * cycle / 1000 * cycles];
        int at = 0;
        for (int repeat = 0; repeat < cycles; repeat++) {
            for (int i = 0; i < cadence.onOffMillis().length; i++) {
                int length = RATE * cadence.onOffMillis()[i] / 1000;
                if (i % 2 == 0) {
                    tone(samples, at, length, cadence.hertz());
                }
                at += length;
            }
        }
        return AudioClip.of8kHzSamples(samples);
    }

    /** The tones summed over {@code length} samples, rising and falling over 10 ms. */
    private static void tone(short[] into, int at, int length, double[] hertz) {
        int ramp = RATE / 100;
        double each = AMPLITUDE / hertz.length;
        for (int i = 0; i < length; i++) {
            double envelope = Math.min(1, Math.min(i, length - 1 - i) / (double) ramp);
            double sum = 0;
            for (double frequency : hertz) {
                sum += Math.sin(2 * Math.PI * frequency * i / RATE);
            }
            into[at + i] = (short) Math.round(each * envelope * sum);
        }
    }
}
