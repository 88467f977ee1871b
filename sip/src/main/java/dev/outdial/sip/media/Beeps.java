package dev.outdial.sip.media;

/**
 * Hears an answering machine's beep in 8 kHz audio, block by block: one steady tone between 300 and 3,400 Hz that
 * holds nearly all of its blocks' energy, for {@link #SHORTEST_MS} or more. A voice, however steady, spreads its
 * energy over the harmonics of its pitch (and its pitch is lower), a keypad's key over two tones, a line's hiss over
 * all of them; none is taken for a beep. Tells when a beep has just ended: the machine records from then on.
 */
final class Beeps {

    static final int SHORTEST_MS = 100;
    /** The share of a block's energy its one tone must hold: a sine holds all of it, a voice well under this. */
    static final double PURITY = 0.85;
    /** How far a beep's tone may wander from block to block, as a share of its frequency. */
    private static final double STEADY = 0.03;
    private static final double LOWEST_HZ = 300;
    private static final double HIGHEST_HZ = 3_400;
    private static final double RATE = Codec.CLOCK_RATE;

    private double toneHz;
    private int toneMs;

    /** {@code count} samples heard next; whether a beep ended just before them. */
    boolean endedBefore(short[] samples, int count) {
        return endedBefore(toneHeard(samples, count), count / 8);
    }

    /** {@code ms} of audio heard next, whose one tone is {@code tone} (0: none); whether a beep ended before it. */
    boolean endedBefore(double tone, int ms) {
        if (tone > 0 && toneMs > 0 && Math.abs(tone - toneHz) <= STEADY * toneHz) {
            toneMs += ms;
            return false;
        }
        boolean ended = toneMs >= SHORTEST_MS;
        toneHz = tone;
        toneMs = tone > 0 ? ms : 0;
        return ended;
    }

    /** The one tone of a block heard, or 0 where it is quiet or not one tone. */
    static double toneHeard(short[] samples, int count) {
        return Hearing.voiced(samples, count) ? toneOf(samples, count) : 0;
    }

    /** A gap in the far end's audio heard next; whether a beep ended just before it. */
    boolean endedBeforeSilence() {
        return endedBefore(0, 0);
    }

    /**
     * The frequency of the one tone the block is, or 0 where it is not one: estimated from where the signal crosses
     * zero (interpolated between samples, so a 20 ms block tells it within a few hertz), then checked by the block's
     * energy at that frequency (Goertzel's filter) against all of its energy.
     */
    static double toneOf(short[] samples, int count) {
        double mean = meanOf(samples, count);
        double first = -1;
        double last = -1;
        int crossings = 0;
        for (int i = 1; i < count; i++) {
            double before = samples[i - 1] - mean;
            double now = samples[i] - mean;
            if ((before < 0) != (now < 0) && now != before) {
                double at = i - 1 + before / (before - now);
                if (crossings == 0) {
                    first = at;
                }
                last = at;
                crossings++;
            }
        }
        if (crossings < 3) {
            return 0;
        }
        double hz = (crossings - 1) * RATE / (2 * (last - first));
        if (hz < LOWEST_HZ || hz > HIGHEST_HZ) {
            return 0;
        }
        return shareAt(samples, count, mean, hz) >= PURITY ? hz : 0;
    }

    /** The share of the block's energy at {@code hz}: about 1 for a sine of that frequency, 0 for silence. */
    static double shareAt(short[] samples, int count, double hz) {
        return shareAt(samples, count, meanOf(samples, count), hz);
    }

    private static double meanOf(short[] samples, int count) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += samples[i];
        }
        return sum / Math.max(1, count);
    }

    /** The share of the block's energy (its mean taken off) at {@code hz}: about 1 for a sine of that frequency. */
    private static double shareAt(short[] samples, int count, double mean, double hz) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hz / RATE);
        double previous = 0;
        double beforePrevious = 0;
        double energy = 0;
        for (int i = 0; i < count; i++) {
            double x = samples[i] - mean;
            energy += x * x;
            double next = x + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = next;
        }
        double power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
        return energy == 0 ? 0 : power / (count / 2.0 * energy);
    }
}
