package dev.outdial.engine.pacing;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * A rise of the answer rate, read within a minute or two of the dials that show it: the decaying
 * rate counts a dial's outcome only once every dial of its moment has one (up to two minutes, the
 * no-answers last) and keeps five minutes of memory, so a rate that doubled read as the old one for
 * minutes while the lines dialed for it were answered at the new one (issue 15's fuzzed sessions:
 * a step from 45 to 69 % took a 45-minute session to 1.64 % of 1.5 %). The answers by a person
 * are known at once (connected, or abandoned within the wait), so the dials of a minute old enough
 * for all of their answers to be in tell the rate without waiting for their no-answers.
 *
 * <p>Only a rise is read here (a fall makes the decaying rate the cautious one), and only one
 * beyond what the minute's own noise explains: {@link #RISE_GAP} standard errors.
 */
final class AnswerRateRise {

    /** The dials read: a minute's, enough to see a rise, short enough to see it soon. */
    private static final int WINDOW_SECONDS = 60;
    /** Fewer dials than this in the minute say nothing of a rise. */
    private static final int ENOUGH_DIALS = 30;
    private static final double RISE_GAP = 3;
    /** Seconds kept: the window and the longest wait for a dial's answers to be in. */
    private static final int KEPT = 600;

    private final long[] second = new long[KEPT];
    private final int[] dials = new int[KEPT];
    private final int[] answers = new int[KEPT];

    AnswerRateRise() {
        Arrays.fill(second, Long.MIN_VALUE);
    }

    void dialed(Instant at, int count) {
        long s = at.getEpochSecond();
        int index = index(s);
        if (second[index] != s) {
            second[index] = s;
            dials[index] = 0;
            answers[index] = 0;
        }
        dials[index] += count;
    }

    /** A dial placed at {@code dialedAt} was answered by a person; a dial of a second no longer kept is past reading. */
    void answered(Instant dialedAt) {
        long s = dialedAt.getEpochSecond();
        int index = index(s);
        if (second[index] == s) {
            answers[index]++;
        }
    }

    /**
     * The answer rate of the dials of the minute that ended {@code lag} ago (all of their answers in
     * by now), if it is above {@code slowRate} by more than its noise explains; else {@code slowRate}.
     */
    double atLeast(double slowRate, Instant now, Duration lag) {
        long last = now.getEpochSecond() - Math.min(lag.toSeconds() + 1, KEPT - WINDOW_SECONDS);
        long dialsSeen = 0;
        long answersSeen = 0;
        for (long s = last - WINDOW_SECONDS + 1; s <= last; s++) {
            int at = index(s);
            if (second[at] == s) {
                dialsSeen += dials[at];
                answersSeen += answers[at];
            }
        }
        if (dialsSeen < ENOUGH_DIALS) {
            return slowRate;
        }
        double recent = (double) answersSeen / dialsSeen;
        double noise = Math.sqrt(Math.max(slowRate * (1 - slowRate), 1e-4) / dialsSeen);
        return recent - slowRate > RISE_GAP * noise ? recent : slowRate;
    }

    private static int index(long second) {
        return (int) Math.floorMod(second, (long) KEPT);
    }
}
