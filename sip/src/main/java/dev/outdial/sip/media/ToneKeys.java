package dev.outdial.sip.media;

import java.util.function.Consumer;

/**
 * Keys pressed in the audio itself (in-band DTMF, ITU-T Q.23), heard from a far end that offered no RFC 4733 events:
 * an older PBX or a gateway that leaves the tones in the voice. Each block (a packet) is measured at the eight DTMF
 * frequencies (the Goertzel algorithm); it holds a key when one row tone and one column tone stand out: together
 * {@link #TONES_SHARE} of the block's energy, each at least {@link #OVER_THE_REST} times the others of its group, the
 * two within {@link #TWIST} of each other, and loud enough to be heard at all. Speech spreads its energy wider and
 * never passes. A press is reported once two blocks in a row hold the same key (40 ms, the shortest tone Q.24 asks
 * exchanges to take), and that key again only after a block without it. Not thread-safe: the receiving thread feeds
 * it.
 */
final class ToneKeys {

    /** A keypad's rows' tones (Hz), and its columns': a key sounds its row's and its column's. */
    static final double[] ROW_TONES = {697, 770, 852, 941};
    static final double[] COLUMN_TONES = {1209, 1336, 1477, 1633};
    /** The keypad, row by row. */
    static final String KEYPAD = "123A456B789C*0#D";
    /** The Goertzel coefficients of the row tones and the column tones, worked out once. */
    private static final double[] ROWS = coefficients(ROW_TONES);
    private static final double[] COLUMNS = coefficients(COLUMN_TONES);
    static final double TONES_SHARE = 0.7;
    /** 6 dB. */
    static final double OVER_THE_REST = 4;
    /** 8 dB, in power. */
    static final double TWIST = Math.pow(10, 0.8);
    private static final int BLOCKS_TO_HEAR = 2;

    private final Consumer<Character> report;
    private char candidate;
    private int blocks;
    private boolean reported;

    ToneKeys(Consumer<Character> report) {
        this.report = report;
    }

    /** The next {@code count} samples of 8 kHz audio from the far end. */
    void heard(short[] samples, int count) {
        char key = keyIn(samples, count);
        if (key == 0) {
            candidate = 0;
            blocks = 0;
            reported = false;
            return;
        }
        if (key != candidate) {
            candidate = key;
            blocks = 0;
            reported = false;
        }
        blocks++;
        if (blocks >= BLOCKS_TO_HEAR && !reported) {
            reported = true;
            report.accept(key);
        }
    }

    /** The key the block's tones make, or 0. */
    static char keyIn(short[] samples, int count) {
        if (!Hearing.voiced(samples, count)) {
            return 0;
        }
        double energy = 0;
        for (int i = 0; i < count; i++) {
            energy += (double) samples[i] * samples[i];
        }
        double[] rowPowers = powers(samples, count, ROWS);
        double[] columnPowers = powers(samples, count, COLUMNS);
        int row = standingOut(rowPowers);
        int column = standingOut(columnPowers);
        if (row < 0 || column < 0) {
            return 0;
        }
        double rowPower = rowPowers[row];
        double columnPower = columnPowers[column];
        boolean tonesCarryTheBlock = rowPower + columnPower >= TONES_SHARE * energy;
        boolean balanced = rowPower <= TWIST * columnPower && columnPower <= TWIST * rowPower;
        return tonesCarryTheBlock && balanced ? KEYPAD.charAt(row * 4 + column) : 0;
    }

    private static double[] coefficients(double... frequencies) {
        double[] coefficients = new double[frequencies.length];
        for (int i = 0; i < frequencies.length; i++) {
            coefficients[i] = 2 * Math.cos(2 * Math.PI * frequencies[i] / 8000);
        }
        return coefficients;
    }

    private static double[] powers(short[] samples, int count, double[] coefficients) {
        double[] powers = new double[coefficients.length];
        for (int i = 0; i < coefficients.length; i++) {
            powers[i] = power(samples, count, coefficients[i]);
        }
        return powers;
    }

    /** The index of the group's tone that stands out over the others of the group, or -1. */
    private static int standingOut(double[] powers) {
        int best = -1;
        double bestPower = 0;
        double secondPower = 0;
        for (int i = 0; i < powers.length; i++) {
            double power = powers[i];
            if (power > bestPower) {
                secondPower = bestPower;
                bestPower = power;
                best = i;
            } else if (power > secondPower) {
                secondPower = power;
            }
        }
        return bestPower >= OVER_THE_REST * secondPower ? best : -1;
    }

    /** The energy the block holds at the tone of {@code coefficient} (a sine of amplitude A over N samples: A²·N/2). */
    private static double power(short[] samples, int count, double coefficient) {
        double previous = 0;
        double beforePrevious = 0;
        for (int i = 0; i < count; i++) {
            double current = samples[i] + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }
        double magnitude = previous * previous + beforePrevious * beforePrevious
                - coefficient * previous * beforePrevious;
        return 2 * magnitude / count;
    }
}
