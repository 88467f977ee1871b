package dev.outdial.sip.media;

import java.util.Optional;

/**
 * Hears a busy or congestion tone a network plays while the call rings, instead of failing the INVITE: a gateway whose
 * telephone network released the call "with in-band information" sends a 183, plays the tone, and may send its final
 * response only at its own timeout, half a minute or more later. Either tone is one tone of 380–470 Hz (ITU-T E.180's
 * 425 Hz, Britain's 400, China's 450) or North America's pair of 480 and 620 Hz, switched on and off in even beats of a
 * fifth of a second to two thirds of one, as long on as off: {@link #CYCLES} such on-and-off cycles, each like the
 * others, are {@link Answerer#BUSY} where the tone beats slowly (Europe's and Vietnam's 350–500 ms, North America's
 * 500), and {@link Answerer#CONGESTION} where it beats fast (200–250 ms: reorder, "all circuits busy").
 *
 * <p>A ring-back tone is the same kind of tone held on for a second or two: never beats this short. Speech is no one
 * tone. A lost packet or a click inside a beat is shorter than {@link #SETTLED_MS} and does not split it. Not
 * thread-safe: one thread feeds it.
 */
final class BusyTones implements Hearing<Answerer> {

    static final int CYCLES = 3;
    /** The shortest and longest beat, on or off, of a busy or congestion tone. */
    static final int SHORTEST_BEAT_MS = 150;
    static final int LONGEST_BEAT_MS = 650;
    /** Tones beating on for less than this are congestion, else busy. */
    static final int CONGESTION_UNDER_MS = 300;
    /** How long the tone must be on, or off, before it counts as switched: less is a lost packet or a click. */
    static final int SETTLED_MS = 100;
    /** How far each beat, on or off, may be from the mean of them all, as a share of it: the tone beats evenly. */
    private static final double EVEN = 0.25;
    private static final double LOWEST_HZ = 380;
    private static final double HIGHEST_HZ = 470;
    private static final double PAIR_LOW_HZ = 480;
    private static final double PAIR_HIGH_HZ = 620;
    /** The share of a block's energy North America's pair must hold, and each of its tones at least. */
    private static final double PAIR_PURITY = 0.85;
    private static final double EACH_OF_THE_PAIR = 0.2;

    private boolean on;
    private int runMs;
    /** How long the other state (on while the run is off, or off while it is on) has lasted since the run was last. */
    private int otherMs;
    /** The last beat the tone was on, waiting for the beat off that makes it a cycle (0: none). */
    private int onBeatMs;
    private final int[] onBeats = new int[CYCLES];
    private final int[] offBeats = new int[CYCLES];
    private int cycles;

    @Override
    public Optional<Answerer> heard(short[] samples, int count) {
        return block(Hearing.voiced(samples, count) && isTone(samples, count, Beeps.toneOf(samples, count)), count / 8);
    }

    @Override
    public Optional<Answerer> silence(int ms) {
        return block(false, ms);
    }

    /**
     * Whether a voiced block of {@code count} samples, whose one tone is {@code toneHz} (0: none), is a busy or
     * congestion tone's.
     */
    static boolean isTone(short[] samples, int count, double toneHz) {
        if (toneHz >= LOWEST_HZ && toneHz <= HIGHEST_HZ) {
            return true;
        }
        double low = Beeps.shareAt(samples, count, PAIR_LOW_HZ);
        double high = Beeps.shareAt(samples, count, PAIR_HIGH_HZ);
        return low >= EACH_OF_THE_PAIR && high >= EACH_OF_THE_PAIR && low + high >= PAIR_PURITY;
    }

    /** Whether the tone heard last may be a beat of a busy or congestion tone, or the pause after one. */
    boolean underway() {
        return runMs <= LONGEST_BEAT_MS && (on || onBeatMs > 0 || cycles > 0);
    }

    /** {@code ms} of audio heard next, the tone {@code toneOn} or not; what the beats tell once there are enough. */
    Optional<Answerer> block(boolean toneOn, int ms) {
        if (toneOn == on) {
            runMs += otherMs + ms; // a switch too short to count belongs to the run
            otherMs = 0;
            return Optional.empty();
        }
        otherMs += ms;
        if (otherMs < SETTLED_MS) {
            return Optional.empty();
        }
        Optional<Answerer> told = beatEnded(on, runMs);
        on = toneOn;
        runMs = otherMs;
        otherMs = 0;
        return told;
    }

    private Optional<Answerer> beatEnded(boolean wasOn, int ms) {
        boolean beat = ms >= SHORTEST_BEAT_MS && ms <= LONGEST_BEAT_MS;
        if (wasOn) {
            onBeatMs = beat ? ms : 0;
            if (!beat) {
                cycles = 0;
            }
            return Optional.empty();
        }
        if (!beat || onBeatMs == 0) {
            cycles = 0;
            onBeatMs = 0;
            return Optional.empty();
        }
        if (cycles == CYCLES) {
            System.arraycopy(onBeats, 1, onBeats, 0, CYCLES - 1);
            System.arraycopy(offBeats, 1, offBeats, 0, CYCLES - 1);
            cycles--;
        }
        onBeats[cycles] = onBeatMs;
        offBeats[cycles] = ms;
        cycles++;
        onBeatMs = 0;
        if (cycles < CYCLES || !even()) {
            return Optional.empty();
        }
        return Optional.of(mean(onBeats) < CONGESTION_UNDER_MS ? Answerer.CONGESTION : Answerer.BUSY);
    }

    private boolean even() {
        double mean = (mean(onBeats) + mean(offBeats)) / 2;
        for (int i = 0; i < CYCLES; i++) {
            if (Math.abs(onBeats[i] - mean) > EVEN * mean || Math.abs(offBeats[i] - mean) > EVEN * mean) {
                return false;
            }
        }
        return true;
    }

    private static double mean(int[] beats) {
        double sum = 0;
        for (int beat : beats) {
            sum += beat;
        }
        return sum / beats.length;
    }
}
