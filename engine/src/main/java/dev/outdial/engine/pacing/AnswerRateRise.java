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
    /** The sooner read's windows, in seconds back from its end: the last is the whole minute. */
    private static final int[] SOONER_WINDOWS = {15, 30, WINDOW_SECONDS};
    /** Fewer dials than this in the minute say nothing of a rise. */
    private static final int ENOUGH_DIALS = 30;
    private static final double RISE_GAP = 3;
    /**
     * …and past this many for the sooner read's shorter windows: three more tests a round, and a steady
     * 30 % read 48 % from a half-minute of 60 dials (3.1 standard errors) within ten minutes. A step that
     * matters is tens of them.
     */
    private static final double SHORT_RISE_GAP = 4;
    /** Seconds kept: the window and the longest wait for a dial's answers to be in. */
    private static final int KEPT = 600;

    private final long[] second = new long[KEPT];
    private final int[] dials = new int[KEPT];
    private final int[] answers = new int[KEPT];
    /** The rate a rise was read at, as lowered since by the complete minutes; 0 when none is held. */
    private double held;
    /** The answers of the minute {@link #dialsOfMinuteEnding} last read. */
    private long answersSeen;

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

    /**
     * Dials placed in the seconds from {@code fromSecond} to {@code toSecond} (epoch seconds), both counted: the
     * growth cap's blind dials ({@link DialGrowth}). Seconds no longer kept count none.
     */
    long dialedBetween(long fromSecond, long toSecond) {
        long sum = 0;
        for (long s = Math.max(fromSecond, toSecond - KEPT + 1); s <= toSecond; s++) {
            int at = index(s);
            if (second[at] == s) {
                sum += dials[at];
            }
        }
        return sum;
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
     * The answer rate of the recent dials if it rose above {@code slowRate} by more than noise explains;
     * else {@code slowRate}. Two minutes of dials are read: the one that ended {@code lag} ago, all of
     * whose answers are in, and the one that ended {@code soonLag} ago, whose answers are not all in yet
     * (a lower bound of its rate, read sooner). A rise once read is held, lowered only by what the
     * complete minutes read, until they read no more than {@code slowRate}: a reading that fell back
     * within the noise for a round returned to the stale decaying rate, and a 44-agent team dialed 74
     * lines at 14 % in that round, answered at 45 % (29 customers abandoned within a second).
     */
    double atLeast(double slowRate, Instant now, Duration lag, Duration soonLag) {
        long completeDials = dialsOfMinuteEnding(now, lag);
        long completeAnswers = answersSeen;
        if (completeDials >= ENOUGH_DIALS) {
            held = Math.min(held, (double) completeAnswers / completeDials);
        }
        held = Math.max(held, Math.max(rise(slowRate, completeDials, completeAnswers, RISE_GAP),
                soonerRise(slowRate, now, soonLag)));
        if (held <= slowRate) {
            held = 0;
            return slowRate;
        }
        return held;
    }

    /**
     * The rise read from the dials of the minute that ended {@code soonLag} ago, or of its last 15 or 30
     * seconds: a step shows in the shortest as soon as it holds enough dials, undiluted by the minute
     * before it (147 agents stepping from 6 to 69 % read 10 % from the minute, and dialed for it).
     */
    private double soonerRise(double slowRate, Instant now, Duration soonLag) {
        long last = now.getEpochSecond() - Math.min(soonLag.toSeconds() + 1, KEPT - WINDOW_SECONDS);
        long dialsSeen = 0;
        long answersSeen = 0;
        double most = 0;
        int window = 0;
        for (int back = 0; back < WINDOW_SECONDS; back++) {
            long s = last - back;
            int at = index(s);
            if (second[at] == s) {
                dialsSeen += dials[at];
                answersSeen += answers[at];
            }
            if (back + 1 == SOONER_WINDOWS[window]) {
                most = Math.max(most, rise(slowRate, dialsSeen, answersSeen, back + 1 < WINDOW_SECONDS ? SHORT_RISE_GAP : RISE_GAP));
                window++;
            }
        }
        return most;
    }

    /** The rate of these dials if it is above {@code slowRate} by more than {@code gap} standard errors; 0 if not. */
    private static double rise(double slowRate, long dialsSeen, long answersSeen, double gap) {
        if (dialsSeen < ENOUGH_DIALS) {
            return 0;
        }
        double recent = (double) answersSeen / dialsSeen;
        double noise = Math.sqrt(Math.max(slowRate * (1 - slowRate), 1e-4) / dialsSeen);
        return recent - slowRate > gap * noise ? recent : 0;
    }

    /** The dials placed in the minute that ended {@code lag} ago; their answers so far are left in {@link #answersSeen}. */
    private long dialsOfMinuteEnding(Instant now, Duration lag) {
        long last = now.getEpochSecond() - Math.min(lag.toSeconds() + 1, KEPT - WINDOW_SECONDS);
        long dialsSeen = 0;
        answersSeen = 0;
        for (long s = last - WINDOW_SECONDS + 1; s <= last; s++) {
            int at = index(s);
            if (second[at] == s) {
                dialsSeen += dials[at];
                answersSeen += answers[at];
            }
        }
        return dialsSeen;
    }

    private static int index(long second) {
        return (int) Math.floorMod(second, (long) KEPT);
    }
}
