package dev.outdial.engine.pacing;

import java.util.Arrays;

/**
 * How many of the busy agents a pacing round foresaw freeing within its horizon did free within it,
 * as a share of those foreseen, over the last minutes. The durations foresee a talking agent free as if
 * the wrap-up after the talk might be nearly over (a duration longer than the talk so far may be a short
 * talk and a wrap-up ending now), which on a steady 332-agent day of exponential talks of 108 s and
 * wrap-ups of 14-31 s foresaw 110 agents free within 30 s where 70 were. The realised share is what
 * tells a round how far that count may be taken at its word where a whole abandon is at stake.
 *
 * <p>A round's forecast is checked once its horizon has passed, against the agents who were busy at it
 * (connected by then) and freed after it within the horizon. At most one check a second, so a round
 * costs nothing but on that second; the counts decay with a ten-minute half-life. The checks due are
 * settled as each new one is made, whether or not the share is asked (it is asked only while the gain is
 * near its floor): left to the ask, a day's freeings and checks piled up until then, and the first ask
 * walked the freeings again for every check, hours of them on a long day.
 */
final class ForeseenFreeings {

    /** A forecast is checked at most this often. */
    private static final long CHECK_GAP_MILLIS = 1_000;
    private static final double HALF_LIFE_MILLIS = 10 * 60_000;
    /** Agents foreseen, in decayed checks, before the share is trusted. */
    private static final double ENOUGH_FORESEEN = 200;

    /** Pending checks, oldest first: when, until when, how many foreseen. */
    private long[] checkAt = new long[64];
    private long[] checkUntil = new long[64];
    private double[] checkForeseen = new double[64];
    private int checkHead;
    private int checkTail;
    private long lastCheckAt = Long.MIN_VALUE;
    /** Agents freed, in the order they freed: when, and when their call connected. */
    private long[] freedAt = new long[256];
    private long[] connectedAt = new long[256];
    private int freedHead;
    private int freedTail;
    private double foreseen;
    private double realised;
    private long decayedAt = Long.MIN_VALUE;

    /** A busy agent connected at {@code connectedMillis} ({@link Long#MIN_VALUE} if unknown) freed at {@code atMillis}. */
    void freed(long atMillis, long connectedMillis) {
        if (freedTail == freedAt.length) {
            compactFreed();
        }
        freedAt[freedTail] = atMillis;
        connectedAt[freedTail] = connectedMillis;
        freedTail++;
    }

    /** A round at {@code nowMillis} foresaw {@code mean} busy agents free within {@code horizonMillis}. */
    void foresaw(long nowMillis, long horizonMillis, double mean) {
        if (lastCheckAt != Long.MIN_VALUE && nowMillis - lastCheckAt < CHECK_GAP_MILLIS) {
            return;
        }
        lastCheckAt = nowMillis;
        settleDue(nowMillis);
        if (checkTail == checkAt.length) {
            compactChecks();
        }
        checkAt[checkTail] = nowMillis;
        checkUntil[checkTail] = nowMillis + horizonMillis;
        checkForeseen[checkTail] = mean;
        checkTail++;
    }

    /**
     * The share of the agents foreseen free that did free, over the checks whose horizon has passed by
     * {@code nowMillis}; at most one (a model short of the truth is the safe side), one until enough were foreseen.
     */
    double realisedShare(long nowMillis) {
        settleDue(nowMillis);
        decayTo(nowMillis);
        return foreseen < ENOUGH_FORESEEN ? 1 : Math.min(1, realised / foreseen);
    }

    /**
     * Settles the checks whose horizon has passed by {@code nowMillis}, oldest first, and drops the freeings
     * no check still pending can count (those by the oldest pending check's round). Settling decays the
     * counts only to each check's end, so when it is done does not change the share by a bit.
     */
    private void settleDue(long nowMillis) {
        while (checkHead < checkTail && checkUntil[checkHead] <= nowMillis) {
            settle(checkAt[checkHead], checkUntil[checkHead], checkForeseen[checkHead]);
            checkHead++;
        }
        long keepFrom = checkHead < checkTail ? checkAt[checkHead] : nowMillis;
        while (freedHead < freedTail && freedAt[freedHead] <= keepFrom) {
            freedHead++;
        }
    }

    /** Freeings and checks held now: those a pending check may still count, and the pending checks. */
    int held() {
        return (freedTail - freedHead) + (checkTail - checkHead);
    }

    private void settle(long at, long until, double mean) {
        int count = 0;
        for (int i = freedHead; i < freedTail && freedAt[i] <= until; i++) {
            if (freedAt[i] > at && connectedAt[i] <= at) {
                count++;
            }
        }
        decayTo(until);
        foreseen += mean;
        realised += count;
    }

    private void decayTo(long nowMillis) {
        if (decayedAt != Long.MIN_VALUE && nowMillis > decayedAt) {
            double factor = Math.pow(0.5, (nowMillis - decayedAt) / HALF_LIFE_MILLIS);
            foreseen *= factor;
            realised *= factor;
        }
        decayedAt = Math.max(decayedAt, nowMillis);
    }

    private void compactFreed() {
        int kept = freedTail - freedHead;
        if (kept * 2 > freedAt.length) {
            freedAt = Arrays.copyOf(freedAt, freedAt.length * 2);
            connectedAt = Arrays.copyOf(connectedAt, connectedAt.length * 2);
        }
        System.arraycopy(freedAt, freedHead, freedAt, 0, kept);
        System.arraycopy(connectedAt, freedHead, connectedAt, 0, kept);
        freedHead = 0;
        freedTail = kept;
    }

    private void compactChecks() {
        int kept = checkTail - checkHead;
        if (kept * 2 > checkAt.length) {
            checkAt = Arrays.copyOf(checkAt, checkAt.length * 2);
            checkUntil = Arrays.copyOf(checkUntil, checkUntil.length * 2);
            checkForeseen = Arrays.copyOf(checkForeseen, checkForeseen.length * 2);
        }
        System.arraycopy(checkAt, checkHead, checkAt, 0, kept);
        System.arraycopy(checkUntil, checkHead, checkUntil, 0, kept);
        System.arraycopy(checkForeseen, checkHead, checkForeseen, 0, kept);
        checkHead = 0;
        checkTail = kept;
    }
}
