package dev.outdial.sip.media;

import java.util.Optional;

/**
 * Hears the special information tones (SIT) a telephone network plays before a recorded announcement ("The number
 * you have dialed is not in service…"): three steady tones of rising pitch, each a third of a second or so, and tells
 * what they announce. A dialer that took them for an answering machine's beep (or the announcement for a greeting)
 * would call a dead number again and again; one that took them for a person would hand an agent a recording.
 *
 * <p>Two families are known:
 * <ul>
 *   <li>North America's (Telcordia GR-1162): a first tone of 913.8 or 985.2 Hz, a second of 1,370.6 or 1,428.5 Hz,
 *       each short (274 ms) or long (380 ms), and always a long 1,776.7 Hz; which frequencies and lengths say why the
 *       call failed. Intercept (low short, low short) and vacant code (high long, low short) mean no one is reached at
 *       this number: {@link Answerer#NOT_IN_SERVICE}. No circuit, reorder and the others mean the network could not put
 *       the call through now: {@link Answerer#CONGESTION}.</li>
 *   <li>ITU-T E.180's, used across Europe and Asia: 950, 1,400 and 1,800 Hz of about 330 ms each, played before "the
 *       number cannot be reached" in all its forms: {@link Answerer#NOT_IN_SERVICE}.</li>
 * </ul>
 * Tones are heard block by block ({@link Beeps#toneOf}); a block where two tones meet is not one tone, so a gap of up
 * to {@link #LONGEST_GAP_MS} between them is allowed. Not thread-safe: one thread feeds it.
 */
final class SpecialInformationTones implements Hearing<Answerer> {

    /**
     * Tones shorter than this, or longer than {@link #LONGEST_MS}, are not a SIT's (274–380 ms ± 5 %, E.180's
     * 330 ± 70); the third tells once it has lasted this long.
     */
    static final int SHORTEST_MS = 200;
    static final int LONGEST_MS = 460;
    /** North America's short tones are 274 ms and its long ones 380: measured over whole blocks, parted here. */
    private static final int LONG_FROM_MS = 320;
    /** Silence or a blend of two tones between a SIT's tones: E.180 allows 30 ms of silence, a blend takes a block. */
    static final int LONGEST_GAP_MS = 60;
    /** How far a tone may wander from block to block, as a share of its frequency. */
    private static final double STEADY = 0.03;
    /** How far from North America's frequencies a tone may be (they are generated within 0.2 %). */
    private static final double NORTH_AMERICAN_TOLERANCE = 0.015;
    /** How far from E.180's frequencies a tone may be (it allows ± 50 Hz). */
    private static final double ITU_TOLERANCE_HZ = 50;
    private static final double[] ITU_HZ = {950, 1_400, 1_800};
    private static final double FIRST_LOW_HZ = 913.8;
    private static final double FIRST_HIGH_HZ = 985.2;
    private static final double SECOND_LOW_HZ = 1_370.6;
    private static final double SECOND_HIGH_HZ = 1_428.5;
    private static final double THIRD_HZ = 1_776.7;

    /** The tones heard so far that may begin a SIT, in order (at most two: the third tells). */
    private final Tone[] heard = new Tone[2];
    private int heardCount;
    /** The tone being heard: its frequency summed over its blocks (weighted by their length), and its length. */
    private double toneHzMs;
    private int toneMs;
    private int gapMs;

    private record Tone(double hz, int ms) {

        boolean isLong() {
            return ms >= LONG_FROM_MS;
        }
    }

    @Override
    public Optional<Answerer> heard(short[] samples, int count) {
        return block(Beeps.toneHeard(samples, count), count / 8);
    }

    @Override
    public Optional<Answerer> silence(int ms) {
        return block(0, ms);
    }

    /**
     * {@code ms} of audio heard next whose one tone is {@code toneHz} (0: not one tone); what the tones announce once
     * the third is long enough to tell.
     */
    Optional<Answerer> block(double toneHz, int ms) {
        if (toneHz > 0 && toneMs > 0 && Math.abs(toneHz - meanHz()) <= STEADY * meanHz()) {
            toneHz(toneHz, ms);
            return heardCount == 2 && toneMs >= SHORTEST_MS ? Optional.of(announced(new Tone(meanHz(), toneMs)))
                    : Optional.empty();
        }
        toneEnded();
        if (toneHz > 0) {
            toneHz(toneHz, ms);
        } else {
            gapMs += ms;
            if (gapMs > LONGEST_GAP_MS) {
                heardCount = 0;
            }
        }
        return Optional.empty();
    }

    /**
     * Whether what was heard last may be the start of a SIT, whose end would tell what it announces: a beep heard now
     * is not yet an answering machine's.
     */
    boolean underway() {
        if (toneMs > 0) {
            return toneMs <= LONGEST_MS && fitsAt(heardCount, meanHz());
        }
        return heardCount > 0 && gapMs <= LONGEST_GAP_MS;
    }

    private void toneHz(double hz, int ms) {
        toneHzMs += hz * ms;
        toneMs += ms;
        gapMs = 0;
    }

    private double meanHz() {
        return toneHzMs / toneMs;
    }

    private void toneEnded() {
        if (toneMs == 0) {
            return;
        }
        Tone tone = new Tone(meanHz(), toneMs);
        toneHzMs = 0;
        toneMs = 0;
        boolean ofASit = tone.ms() >= SHORTEST_MS && tone.ms() <= LONGEST_MS;
        if (ofASit && heardCount < 2 && fitsAt(heardCount, tone.hz())) {
            heard[heardCount++] = tone;
        } else {
            // Not the next tone of a SIT: perhaps the first of one.
            heardCount = 0;
            if (ofASit && fitsAt(0, tone.hz())) {
                heard[heardCount++] = tone;
            }
        }
    }

    /**
     * Whether a tone of {@code hz} may be a SIT's tone at {@code position} (0, 1 or 2): E.180's bands hold North
     * America's frequencies too.
     */
    private static boolean fitsAt(int position, double hz) {
        return near(hz, ITU_HZ[position], ITU_TOLERANCE_HZ);
    }

    /** What the two tones heard and {@code third} announce: North America's code, else E.180's one meaning. */
    private Answerer announced(Tone third) {
        Tone first = heard[0];
        Tone second = heard[1];
        heardCount = 0;
        if (nearNorthAmerican(third.hz(), THIRD_HZ)
                && (nearNorthAmerican(first.hz(), FIRST_LOW_HZ) || nearNorthAmerican(first.hz(), FIRST_HIGH_HZ))
                && (nearNorthAmerican(second.hz(), SECOND_LOW_HZ) || nearNorthAmerican(second.hz(), SECOND_HIGH_HZ))) {
            boolean firstHigh = nearNorthAmerican(first.hz(), FIRST_HIGH_HZ);
            boolean secondHigh = nearNorthAmerican(second.hz(), SECOND_HIGH_HZ);
            boolean intercept = !firstHigh && !first.isLong() && !secondHigh && !second.isLong();
            boolean vacantCode = firstHigh && first.isLong() && !secondHigh && !second.isLong();
            return intercept || vacantCode ? Answerer.NOT_IN_SERVICE : Answerer.CONGESTION;
        }
        return Answerer.NOT_IN_SERVICE;
    }

    private static boolean nearNorthAmerican(double hz, double expected) {
        return near(hz, expected, expected * NORTH_AMERICAN_TOLERANCE);
    }

    private static boolean near(double hz, double expected, double tolerance) {
        return Math.abs(hz - expected) <= tolerance;
    }
}
