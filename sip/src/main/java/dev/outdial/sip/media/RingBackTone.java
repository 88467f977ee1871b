package dev.outdial.sip.media;

import java.util.List;

/**
 * What a caller hears while the called phone rings, where the network sends no audio of its own (a 180 Ringing without
 * SDP): the ring-back tone of the called number's country, as its exchange would play it (ITU-T E.180 Supplement 2),
 * so an agent waiting on a call hears it ring as on any phone. One cycle, to be played looped; about −20 dBFS.
 */
public final class RingBackTone {

    private static final int RATE = Resampler.TARGET_RATE;
    private static final double AMPLITUDE = 3300;

    /** A country's ring-back: its tones (summed), and how long it is on and off, in turn, in milliseconds. */
    private record Plan(double[] hertz, int... onOffMillis) {
    }

    /** North America (+1): 440 + 480 Hz, 2 s on, 4 s off. */
    private static final Plan NORTH_AMERICA = new Plan(new double[] {440, 480}, 2000, 4000);
    /** Britain, Ireland, Australia, New Zealand: 400 + 450 Hz, on 0.4 s, off 0.2 s, on 0.4 s, off 2 s. */
    private static final Plan DOUBLE_RING = new Plan(new double[] {400, 450}, 400, 200, 400, 2000);
    /** France: 440 Hz, 1.5 s on, 3.5 s off. */
    private static final Plan FRANCE = new Plan(new double[] {440}, 1500, 3500);
    /** Japan: 400 Hz (modulated by 16 Hz there; heard as its two side tones), 1 s on, 2 s off. */
    private static final Plan JAPAN = new Plan(new double[] {384, 416}, 1000, 2000);
    /** Most of Europe and Asia (Germany, Vietnam, China, India's 425 Hz plan): 425 Hz, 1 s on, 4 s off. */
    private static final Plan ITU = new Plan(new double[] {425}, 1000, 4000);

    private static final List<String> DOUBLE_RING_CODES = List.of("+44", "+353", "+61", "+64");

    private static final AudioClip NORTH_AMERICAN_CLIP = clipOf(NORTH_AMERICA);
    private static final AudioClip DOUBLE_RING_CLIP = clipOf(DOUBLE_RING);
    private static final AudioClip FRENCH_CLIP = clipOf(FRANCE);
    private static final AudioClip JAPANESE_CLIP = clipOf(JAPAN);
    private static final AudioClip ITU_CLIP = clipOf(ITU);

    private RingBackTone() {
    }

    /** The ring-back tone heard calling {@code number} (E.164); the 425 Hz most countries use where it is not known. */
    public static AudioClip forNumber(String number) {
        if (number.startsWith("+1")) {
            return NORTH_AMERICAN_CLIP;
        }
        if (DOUBLE_RING_CODES.stream().anyMatch(number::startsWith)) {
            return DOUBLE_RING_CLIP;
        }
        if (number.startsWith("+33")) {
            return FRENCH_CLIP;
        }
        if (number.startsWith("+81")) {
            return JAPANESE_CLIP;
        }
        return ITU_CLIP;
    }

    private static AudioClip clipOf(Plan plan) {
        int total = 0;
        for (int millis : plan.onOffMillis()) {
            total += millis;
        }
        short[] samples = new short[RATE * total / 1000];
        int at = 0;
        for (int i = 0; i < plan.onOffMillis().length; i++) {
            int length = RATE * plan.onOffMillis()[i] / 1000;
            if (i % 2 == 0) {
                tone(samples, at, length, plan.hertz());
            }
            at += length;
        }
        return AudioClip.of8kHzSamples(samples);
    }

    /** The tones summed over {@code length} samples, with a 10 ms rise and fall so they start and stop without a click. */
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
