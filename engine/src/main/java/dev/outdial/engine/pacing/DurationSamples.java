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
    /** How far {@link #doneAtMost} looks ahead of where it starts, reading every place of it unasked. */
    private static final int STRIDE = 8;
    /**
     * What the walked arrays hold past their last value, so a walk stops there unasked: beyond any end a walk
     * asks (an elapsed time and a horizon, hours), and only half the largest long, so that end − this cannot
     * overflow ({@link #atMostOn} reads its sign) for any end above −146 million years: an elapsed time is
     * below zero only when a start was stamped a moment after the round's clock (a live server's threads).
     */
    private static final long PAST_EVERY_END = Long.MAX_VALUE / 2;
    /**
     * The same samples kept sorted as they come and go: asked at every pacing round, sorting each time
     * cost seconds a day. Every place from {@code sorted[count]} on is {@link #PAST_EVERY_END}, so a walk
     * stops there unasked, also one looking {@link #STRIDE} places ahead of the last sample.
     */
    private final long[] sorted = new long[CAPACITY + STRIDE];
    private int count;
    private int next;
    /** The samples' sum in milliseconds, kept as they come and go: the mean is asked at every pacing round. */
    private long sum;
    /**
     * The busy agents' elapsed times a young campaign's walk counts on ({@link #elapsedAscending}),
     * kept from round to round.
     */
    private long[] elapsedTimes = new long[0];
    /**
     * Every duration since the campaign started, to weigh the samples against the agents still busy
     * ({@link CampaignDurations}) while those can still be many of the durations not yet seen.
     */
    private final CampaignDurations campaign = new CampaignDurations();
    /**
     * {@link #halves()} since the last sample came (null: not asked since): asked at every pacing round,
     * summing the 400 samples each time was a cost of every round for a figure that changes at each answer.
     */
    private Halves halves;

    DurationSamples() {
        Arrays.fill(sorted, PAST_EVERY_END);
    }

    void add(Duration sample) {
        long value = sample.toMillis();
        if (count == CAPACITY) {
            removeSorted(ring[next]);
            sum -= ring[next];
        }
        ring[next] = value;
        sum += value;
        next = (next + 1) % CAPACITY;
        insertSorted(value);
        campaign.add(value);
        halves = null;
    }

    private void removeSorted(long value) {
        int at = countAtMost(sorted, count, value) - 1;
        System.arraycopy(sorted, at + 1, sorted, at, count - at - 1);
        count--;
        sorted[count] = PAST_EVERY_END;
    }

    private void insertSorted(long value) {
        int at = countAtMost(sorted, count, value);
        System.arraycopy(sorted, at, sorted, at + 1, count - at);
        sorted[at] = value;
        count++;
        sorted[count] = PAST_EVERY_END;
    }

    int size() {
        return count;
    }

    /** Whether there are {@code enough} samples to count on (within {@link #ENOUGH} and the capacity), as the counts ask. */
    boolean trusted(int enough) {
        return count >= Math.clamp(enough, ENOUGH, CAPACITY);
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
        if (!trusted(enough)) {
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

    /**
     * The most horizons one walk counts: a pacing round asks for the sooner and the later half of the
     * answers' rings, and for the ringing calls' early answers.
     */
    static final int MOST_HORIZONS = 3;

    /**
     * How many of the busy agents, at it since the times {@code busy} keeps, will be done within each of
     * the first {@code horizons} of {@code horizonsMillis} from {@code nowMillis}: the mean and variance
     * of the sum of their {@link #endsWithin(long, long, int)} for each horizon. The elapsed times come
     * out ascending (latest start first) and are walked with the samples in one pass, instead of two
     * binary searches per agent (a third of a 200-agent day); all horizons share the walk, since a pacing
     * round asks them all of the same agents (a second walk for the ring-age horizon was 5 % of the
     * 1,000-agent day's CPU). The sums are left in {@code sums}, kept by the caller from round to round:
     * a round allocates nothing here past the campaign's first hour.
     */
    void freeingWithin(BusySince busy, long nowMillis, long[] horizonsMillis, int horizons, int enough, Sums sums) {
        sums.clear();
        int agents = busy.size();
        if (agents == 0 || !trusted(enough)) {
            return;
        }
        // The durations seen are the short ones while the campaign is young next to its longest ones:
        // until it has seen CENSORED_WHILE durations per busy agent, the agents still busy count too.
        if (campaign.count() >= CENSORED_WHILE * agents) {
            if (horizons == MOST_HORIZONS) {
                freeingWithinUncensored(busy.ascending(), agents, nowMillis, horizonsMillis[0], horizonsMillis[1],
                        horizonsMillis[2], sums);
            } else {
                // One horizon alone is asked before 60 answers were seen, seldom past the censored hour
                // (never in the 200- and 1,000-agent days): walked as two, the second sums left unread.
                freeingWithinUncensored(busy.ascending(), agents, nowMillis, horizonsMillis[0],
                        horizonsMillis[horizons - 1], sums);
            }
            return;
        }
        long[] since = busy.ascending();
        long[] elapsed = elapsedAscending(since, agents, nowMillis);
        // For each horizon, the agents busy for less than the one walked plus the horizon: the others are
        // those known to be busy past its end, fewer as the walk goes to the longest busy.
        int[] shorter = new int[horizons];
        int[] doneWithin = new int[horizons];
        int doneBefore = 0;
        for (int i = agents - 1; i >= 0; i--) {
            long e = nowMillis - since[i];
            doneBefore = doneAtMost(doneBefore, e);
            if (doneBefore == count) {
                // Longer than anything seen, and so is everyone after: nothing tells us they end soon.
                break;
            }
            // The campaign's durations at most this agent's elapsed time, the same for every horizon: counted
            // once an agent instead of at each, the censored walk took 35.5 against 38 ns an agent (1,000 agents).
            long campaignDoneBefore = campaign.atMost(e);
            for (int h = 0; h < horizons; h++) {
                long horizonMillis = horizonsMillis[h];
                doneWithin[h] = doneAtMost(doneWithin[h], e + horizonMillis);
                // Divided at every agent: keeping a neighbour's quotient gave the same double for a branch
                // mispredicted at most agents.
                double q = (double) (doneWithin[h] - doneBefore) / (count - doneBefore);
                // The agents walked after this one have been busy longer: they and this one are the censored.
                shorter[h] = atMostOn(elapsed, shorter[h], e + horizonMillis - 1);
                double chance = Math.min(q,
                        campaign.endsWithin(campaignDoneBefore, e, horizonMillis, i + 1, agents - shorter[h]));
                sums.mean[h] += chance;
                sums.variance[h] += chance * (1 - chance);
            }
        }
    }

    /**
     * The busy agents' elapsed times, shortest first, with {@link #STRIDE} sentinels ({@link #PAST_EVERY_END})
     * after them, so those busy past a horizon are counted as the samples are ({@link #atMostOn}): walked
     * down the start times one at a time, mispredicting where to stop, they were half the young campaign's walk.
     */
    private long[] elapsedAscending(long[] since, int agents, long nowMillis) {
        if (elapsedTimes.length < agents + STRIDE) {
            elapsedTimes = new long[agents + STRIDE];
        }
        for (int j = 0; j < agents; j++) {
            elapsedTimes[j] = nowMillis - since[agents - 1 - j];
        }
        Arrays.fill(elapsedTimes, agents, agents + STRIDE, PAST_EVERY_END);
        return elapsedTimes;
    }

    /**
     * {@link #freeingWithin} once the campaign's durations no longer need the busy agents counted (all
     * but its first hour or so): the same counts and the same sums, added in the same order, by a loop
     * of its own for two horizons and for three. The walk is a third of a 1,000-agent day; without the
     * censored branch and the comparisons with the last counts (a branch mispredicted at most agents,
     * dividing at every agent instead), it takes a quarter to two fifths less.
     * The two loops repeat each other on purpose: one loop asking at each agent whether the sooner
     * horizon is wanted gave back most of the gain at 180 agents, and a fifth of the 1,000-agent day's
     * walks ask two horizons (the ring-age one not trusted), the rest three.
     */
    private void freeingWithinUncensored(long[] since, int agents, long nowMillis, long firstMillis, long secondMillis,
                                         Sums sums) {
        int doneBefore = 0;
        int doneFirst = 0;
        int doneSecond = 0;
        double firstMean = 0;
        double firstVariance = 0;
        double secondMean = 0;
        double secondVariance = 0;
        for (int i = agents - 1; i >= 0; i--) {
            long e = nowMillis - since[i];
            doneBefore = doneAtMost(doneBefore, e);
            if (doneBefore == count) {
                break;
            }
            double still = count - doneBefore;
            doneFirst = doneAtMost(doneFirst, e + firstMillis);
            double first = (doneFirst - doneBefore) / still;
            firstMean += first;
            firstVariance += first * (1 - first);
            doneSecond = doneAtMost(doneSecond, e + secondMillis);
            double second = (doneSecond - doneBefore) / still;
            secondMean += second;
            secondVariance += second * (1 - second);
        }
        sums.mean[0] = firstMean;
        sums.variance[0] = firstVariance;
        sums.mean[1] = secondMean;
        sums.variance[1] = secondVariance;
    }

    private void freeingWithinUncensored(long[] since, int agents, long nowMillis, long firstMillis, long secondMillis,
                                         long thirdMillis, Sums sums) {
        int doneBefore = 0;
        int doneFirst = 0;
        int doneSecond = 0;
        int doneThird = 0;
        double firstMean = 0;
        double firstVariance = 0;
        double secondMean = 0;
        double secondVariance = 0;
        double thirdMean = 0;
        double thirdVariance = 0;
        for (int i = agents - 1; i >= 0; i--) {
            long e = nowMillis - since[i];
            doneBefore = doneAtMost(doneBefore, e);
            if (doneBefore == count) {
                break;
            }
            double still = count - doneBefore;
            doneFirst = doneAtMost(doneFirst, e + firstMillis);
            double first = (doneFirst - doneBefore) / still;
            firstMean += first;
            firstVariance += first * (1 - first);
            doneSecond = doneAtMost(doneSecond, e + secondMillis);
            double second = (doneSecond - doneBefore) / still;
            secondMean += second;
            secondVariance += second * (1 - second);
            doneThird = doneAtMost(doneThird, e + thirdMillis);
            double third = (doneThird - doneBefore) / still;
            thirdMean += third;
            thirdVariance += third * (1 - third);
        }
        sums.mean[0] = firstMean;
        sums.variance[0] = firstVariance;
        sums.mean[1] = secondMean;
        sums.variance[1] = secondVariance;
        sums.mean[2] = thirdMean;
        sums.variance[2] = thirdVariance;
    }

    /** The mean and variance of the agents freeing within each horizon asked. */
    static final class Sums {
        final double[] mean = new double[MOST_HORIZONS];
        final double[] variance = new double[MOST_HORIZONS];

        private void clear() {
            Arrays.fill(mean, 0);
            Arrays.fill(variance, 0);
        }
    }

    /**
     * How many samples are at most {@code end}, walked on from {@code done}, the count at the last
     * agent's end for the same horizon (ends only grow along the walk). Between two agents the walk moves
     * by none or one sample half the time and by two to seven most of the rest (200-agent day): a loop
     * taking a step at a time mispredicted where it stopped, most of the walk's time. So the next
     * {@link #STRIDE} places are searched in halves, three steps ({@link #atMostOn}), after leaping whole
     * strides while all of one are at most the end (a tenth of the asks). Started from the last count
     * alone, not from the agent's own elapsed count when that is further (one ask in twenty), each
     * horizon's count waits for no other. The sentinels ({@link #PAST_EVERY_END} from the last sample on)
     * end it.
     */
    private int doneAtMost(int done, long end) {
        return atMostOn(sorted, done, end);
    }

    /**
     * How many of the ascending {@code values} (followed by at least {@link #STRIDE} {@link
     * #PAST_EVERY_END}s) are at most {@code end}, walked on from {@code done}, as many as are at most a
     * smaller end asked before: {@link #doneAtMost}.
     */
    private static int atMostOn(long[] values, int done, long end) {
        int at = done;
        while (values[at + STRIDE - 1] <= end) {
            at += STRIDE;
        }
        at += values[at + 3] <= end ? 4 : 0;
        at += values[at + 1] <= end ? 2 : 0;
        // The last step is one or none about as often: written as a condition, it was compiled as a branch
        // (the compiler's choice, by the profile it sees), mispredicted at every other ask, so it is worked
        // out from the sign of end − value, which takes no branch. The first two stay conditions: on
        // a large team the walk moves by a sample or none between agents, the compiler's branches there are
        // well predicted and let each count go on before its loads come back; without a branch they cost the
        // 1,000-agent day an eighth more in its walk (bench/README, seventeenth session). The difference
        // cannot overflow (PAST_EVERY_END), so its sign is not corrected for it: that cost a tenth of the walk.
        at += (int) (~(end - values[at]) >>> 63);
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
     * atMost}, what a larger time asked before left: the samples for the ringing calls' ages.
     */
    private static int walkedDown(long[] values, int atMost, long millis) {
        int at = atMost;
        while (at > 0 && values[at - 1] > millis) {
            at--;
        }
        return at;
    }

    /** The share of the samples at most {@code millis}; 0 when none were seen. */
    double shareAtMost(long millis) {
        return count == 0 ? 0 : (double) countAtMost(sorted, count, millis) / count;
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
        if (halves == null) {
            halves = sumHalves();
        }
        return halves;
    }

    private Halves sumHalves() {
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
        return count == 0 ? 0 : (double) sum / count / 1000;
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
