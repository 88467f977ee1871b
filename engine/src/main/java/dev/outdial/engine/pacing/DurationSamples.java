package dev.outdial.engine.pacing;

import java.time.Duration;
import java.util.Arrays;

/**
 * The last durations observed of one kind (an agent's time from connection to free again, or from
 * a call's end to free again), to answer "how likely is an agent who has been at it for {@code e}
 * to be free within {@code h}?" from what this campaign's agents actually do, whatever the shape
 * of the distribution: P(S ≤ e + h | S > e), counted in the samples.
 */
final class DurationSamples {

    /** Enough to see the shape; few enough that a change of script shows within the hour. */
    private static final int CAPACITY = 400;
    /**
     * Fewer than this say little about a tail: until then an agent is assumed busy, the safe side.
     * The first durations seen are the shortest (short calls end first), so the first few dozen make
     * agents look quicker than they are: at 30, the first hour of a 50-agent day overshot its limit.
     */
    static final int ENOUGH = 60;
    /**
     * Durations seen per busy agent after which the ones still busy are too few to move the estimate:
     * twenty durations each is a campaign twenty mean durations old, past all but a thousandth of a
     * lognormal talk of σ 1.2.
     */
    private static final int CENSORED_WHILE = 20;

    private final long[] ring = new long[CAPACITY];
    /**
     * The same samples kept sorted as they come and go: asked at every pacing round, sorting each time
     * cost seconds a day. {@code sorted[count]} is {@link Long#MAX_VALUE}, so a walk stops there unasked.
     */
    private final long[] sorted = new long[CAPACITY + 1];
    private int count;
    private int next;
    /**
     * Every duration since the campaign started, to weigh the samples against the agents still busy
     * ({@link CampaignDurations}) while those can still be many of the durations not yet seen.
     */
    private final CampaignDurations campaign = new CampaignDurations();

    DurationSamples() {
        sorted[0] = Long.MAX_VALUE;
    }

    void add(Duration sample) {
        long value = sample.toMillis();
        if (count == CAPACITY) {
            removeSorted(ring[next]);
        }
        ring[next] = value;
        next = (next + 1) % CAPACITY;
        insertSorted(value);
        campaign.add(value);
    }

    private void removeSorted(long value) {
        int at = countAtMost(sorted, count, value) - 1;
        System.arraycopy(sorted, at + 1, sorted, at, count - at - 1);
        count--;
        sorted[count] = Long.MAX_VALUE;
    }

    private void insertSorted(long value) {
        int at = countAtMost(sorted, count, value);
        System.arraycopy(sorted, at, sorted, at + 1, count - at);
        sorted[at] = value;
        count++;
        sorted[count] = Long.MAX_VALUE;
    }

    int size() {
        return count;
    }

    /** The probability of ending within {@code horizon} after {@code elapsed}; 0 until enough samples (assume busy). */
    double endsWithin(Duration elapsed, Duration horizon) {
        return endsWithin(elapsed.toMillis(), horizon.toMillis(), ENOUGH);
    }

    /**
     * {@link #endsWithin(Duration, Duration)} in milliseconds (asked for every busy agent at every
     * pacing round), trusting the samples only once there are {@code enough}: a large team's first
     * few dozen durations are all short ones.
     */
    double endsWithin(long e, long horizonMillis, int enough) {
        if (count < Math.clamp(enough, ENOUGH, CAPACITY)) {
            return 0;
        }
        int doneBefore = countAtMost(sorted, count, e);
        int still = count - doneBefore;
        if (still == 0) {
            // Longer than anything seen: nothing tells us it will end soon.
            return 0;
        }
        return (double) (countAtMost(sorted, count, e + horizonMillis) - doneBefore) / still;
    }

    /** A sooner horizon of {@link #freeingWithin} that is not asked for. */
    static final long NOT_ASKED = -1;

    /**
     * How many of the busy agents, at it since the times {@code busy} keeps, will be done within
     * {@code horizonMillis} from {@code nowMillis}, and within {@code soonMillis} unless that is
     * {@link #NOT_ASKED}: the mean and variance of the sum of their {@link #endsWithin(long, long, int)}
     * for each horizon. The elapsed times come out ascending (latest start first) and are walked with
     * the samples in one pass, instead of two binary searches per agent (a third of a 200-agent day);
     * both horizons share the walk, since a pacing round asks both of the same agents. The sums are
     * left in {@code sums}, kept by the caller from round to round: a round allocates nothing here.
     */
    void freeingWithin(BusySince busy, long nowMillis, long horizonMillis, long soonMillis, int enough, Sums sums) {
        sums.clear();
        int agents = busy.size();
        if (agents == 0 || count < Math.clamp(enough, ENOUGH, CAPACITY)) {
            return;
        }
        boolean soonAsked = soonMillis != NOT_ASKED;
        // The durations seen are the short ones while the campaign is young next to its longest ones:
        // until it has seen CENSORED_WHILE durations per busy agent, the agents still busy count too.
        if (campaign.count() >= CENSORED_WHILE * agents) {
            freeingWithinUncensored(busy.ascending(), agents, nowMillis, horizonMillis, soonMillis, sums);
            return;
        }
        CampaignDurations.Walk elapsed = campaign.walk();
        CampaignDurations.Walk ended = campaign.walk();
        CampaignDurations.Walk endedSoon = soonAsked ? campaign.walk() : null;
        long[] since = busy.ascending();
        // Of the agents busy at least as long as the one walked, those busy past the end of the horizon
        // (and of the sooner one): they come fewer as the walk goes to the longest busy.
        int beyond = agents;
        int beyondSoon = agents;
        double mean = 0;
        double variance = 0;
        double soonMean = 0;
        double soonVariance = 0;
        int doneBefore = 0;
        int doneWithin = 0;
        int doneSoon = 0;
        // Neighbours in the walk mostly fall between the same samples: their term is the last one's,
        // the same double without dividing again (the sums are added one by one, in the same order).
        int lastBefore = -1;
        int lastWithin = -1;
        int lastSoonBefore = -1;
        int lastSoon = -1;
        double q = 0;
        double soonQ = 0;
        for (int i = agents - 1; i >= 0; i--) {
            long e = nowMillis - since[i];
            doneBefore = doneAtMost(doneBefore, doneBefore, e);
            if (doneBefore == count) {
                // Longer than anything seen, and so is everyone after: nothing tells us they end soon.
                break;
            }
            doneWithin = doneAtMost(doneWithin, doneBefore, e + horizonMillis);
            if (doneBefore != lastBefore || doneWithin != lastWithin) {
                lastBefore = doneBefore;
                lastWithin = doneWithin;
                q = (double) (doneWithin - doneBefore) / (count - doneBefore);
            }
            // The agents walked after this one have been busy longer: they and this one are the censored.
            beyond = walkedDown(since, beyond, since[i] - horizonMillis);
            double chance = Math.min(q, campaign.endsWithin(elapsed, ended, e, horizonMillis, i + 1, beyond));
            mean += chance;
            variance += chance * (1 - chance);
            if (soonAsked) {
                doneSoon = doneAtMost(doneSoon, doneBefore, e + soonMillis);
                if (doneBefore != lastSoonBefore || doneSoon != lastSoon) {
                    lastSoonBefore = doneBefore;
                    lastSoon = doneSoon;
                    soonQ = (double) (doneSoon - doneBefore) / (count - doneBefore);
                }
                beyondSoon = walkedDown(since, beyondSoon, since[i] - soonMillis);
                double soonChance = Math.min(soonQ,
                        campaign.endsWithin(elapsed, endedSoon, e, soonMillis, i + 1, beyondSoon));
                soonMean += soonChance;
                soonVariance += soonChance * (1 - soonChance);
            }
        }
        sums.mean = mean;
        sums.variance = variance;
        sums.soonMean = soonMean;
        sums.soonVariance = soonVariance;
    }

    /**
     * {@link #freeingWithin} once the campaign's durations no longer need the busy agents counted (all
     * but its first hour or so): the same counts and the same sums, added in the same order, by a loop
     * of its own for each horizon asked, dividing at every agent instead of keeping the last quotient.
     * The walk is a third of a 1,000-agent day; without the censored branch and the comparisons with the
     * last counts (a branch mispredicted at most agents), it takes a quarter to two fifths less. The
     * two loops repeat each other on purpose: one loop asking at each agent whether the sooner horizon
     * is wanted gave back most of the gain at 180 agents.
     */
    private void freeingWithinUncensored(long[] since, int agents, long nowMillis, long horizonMillis, long soonMillis,
                                         Sums sums) {
        int doneBefore = 0;
        int doneWithin = 0;
        double mean = 0;
        double variance = 0;
        if (soonMillis == NOT_ASKED) {
            for (int i = agents - 1; i >= 0; i--) {
                long e = nowMillis - since[i];
                doneBefore = doneAtMost(doneBefore, doneBefore, e);
                if (doneBefore == count) {
                    break;
                }
                doneWithin = doneAtMost(doneWithin, doneBefore, e + horizonMillis);
                double chance = (double) (doneWithin - doneBefore) / (count - doneBefore);
                mean += chance;
                variance += chance * (1 - chance);
            }
            sums.mean = mean;
            sums.variance = variance;
            return;
        }
        int doneSoon = 0;
        double soonMean = 0;
        double soonVariance = 0;
        for (int i = agents - 1; i >= 0; i--) {
            long e = nowMillis - since[i];
            doneBefore = doneAtMost(doneBefore, doneBefore, e);
            if (doneBefore == count) {
                break;
            }
            doneWithin = doneAtMost(doneWithin, doneBefore, e + horizonMillis);
            double chance = (double) (doneWithin - doneBefore) / (count - doneBefore);
            mean += chance;
            variance += chance * (1 - chance);
            doneSoon = doneAtMost(doneSoon, doneBefore, e + soonMillis);
            double soonChance = (double) (doneSoon - doneBefore) / (count - doneBefore);
            soonMean += soonChance;
            soonVariance += soonChance * (1 - soonChance);
        }
        sums.mean = mean;
        sums.variance = variance;
        sums.soonMean = soonMean;
        sums.soonVariance = soonVariance;
    }

    /** The mean and variance of the agents freeing within the horizon and within the sooner one. */
    static final class Sums {
        double mean;
        double variance;
        double soonMean;
        double soonVariance;

        private void clear() {
            mean = 0;
            variance = 0;
            soonMean = 0;
            soonVariance = 0;
        }
    }

    /**
     * How many samples are at most {@code end}, walked on from the last agent's count {@code done}
     * (ends only grow along the walk) and from no fewer than {@code doneBefore}. Between two agents the
     * walk mostly moves by none or one sample: that step is taken without a branch to mispredict, the
     * loop after it rarely runs. The sentinel ({@code Long.MAX_VALUE} past the last sample) ends it.
     */
    private int doneAtMost(int done, int doneBefore, long end) {
        int at = Math.max(done, doneBefore);
        at += sorted[at] <= end ? 1 : 0;
        while (sorted[at] <= end) {
            at++;
        }
        return at;
    }

    /**
     * How many samples are at most {@code millis}, for times asked longest first: walked down from
     * {@code atMost}, what the longer time asked before left ({@link #size()} before the first). The
     * ringing calls ask for each of their ages at every round, oldest first; a binary search each
     * was most of that count for a 1,000-agent team.
     */
    int atMostWalkingDown(int atMost, long millis) {
        return walkedDown(sorted, atMost, millis);
    }

    /**
     * How many of the ascending {@code values} are at most {@code millis}, walked down from {@code
     * atMost}, what a larger time asked before left: the samples for the ringing calls' ages, the busy
     * agents' start times for those busy past a horizon.
     */
    private static int walkedDown(long[] values, int atMost, long millis) {
        int at = atMost;
        while (at > 0 && values[at - 1] > millis) {
            at--;
        }
        return at;
    }

    /** The share of the samples longer than a time that has {@code atMost} samples at most it. */
    double shareLongerThan(int atMost) {
        return count == 0 ? 0 : (double) (count - atMost) / count;
    }

    /**
     * The mean of the shorter half of the samples and that of the longer half (the middle sample of an
     * odd count in neither): two durations whose average is the samples' mean, apart as far as the
     * samples spread.
     */
    Halves halves() {
        int half = count / 2;
        long shorter = 0;
        long longer = 0;
        for (int i = 0; i < half; i++) {
            shorter += sorted[i];
            longer += sorted[count - 1 - i];
        }
        return half == 0 ? new Halves(Duration.ZERO, Duration.ZERO)
                : new Halves(Duration.ofMillis(shorter / half), Duration.ofMillis(longer / half));
    }

    record Halves(Duration shorter, Duration longer) {
    }

    double meanSeconds() {
        return count == 0 ? 0 : Arrays.stream(sorted, 0, count).average().orElse(0) / 1000;
    }

    /** How many of the first {@code length} values of {@code sorted} are at most {@code value}. */
    private static int countAtMost(long[] sorted, int length, long value) {
        int low = 0;
        int high = length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] <= value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
