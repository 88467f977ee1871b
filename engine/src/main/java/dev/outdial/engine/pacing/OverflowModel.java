package dev.outdial.engine.pacing;

import java.util.Arrays;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;

/**
 * The arithmetic of a predictive dial decision, on numbers only. With calls ringing, each still to
 * be answered by a person with its own chance ({@link RingingCalls}), and {@code n} more dialed now,
 * each answered with probability {@code p}, the answers X are a sum of independent trials; the agents
 * who can take them within the horizon, M, are those free now plus the busy ones each free with their
 * own probability; {@code w} customers already wait.
 * Customers who find no agent are D = X + w − M, and the expected number of them, E[D⁺], over the
 * expected answers E[X] + w is the share of answers that would be abandoned. We dial the largest
 * {@code n} whose share stays within the target. X and M are sums of many independent trials, so
 * D is taken as normal: E[D⁺] = σ·φ(μ/σ) + μ·Φ(μ/σ). It never dials fewer than progressive would
 * (one call per free agent not yet spoken for by a ringing call or a waiting customer).
 *
 * <p>The expectation is not enough where abandons are few and whole: with three to give in an hour,
 * a burst of answers among the lines in flight is what breaks it, and the normal approximation's tail
 * is far too thin for a handful of answers at one in ten (P(X ≥ 7) of 18 such calls is about 0.001,
 * the normal says 1e-4 even with a continuity correction). So the calls are also held to the chance that D is more than the whole
 * abandons left, with X and M each counted as binomial with their mean and variance (Poisson where
 * the variance is near the mean, the normal only past a few hundred answers, where it is good).
 */
final class OverflowModel {

    /**
     * Standard deviations past which a burst is taken as impossible: even a count of mean 1, the most
     * skewed here, is past 10 of them once in a billion.
     */
    private static final double FAR_BEYOND = 10;

    private OverflowModel() {
    }

    /**
     * How many calls to dial now, and whether the promise held them below what the target allows.
     *
     * @param calls         the calls to dial
     * @param heldByPromise the abandons left ({@code mostOverflow}) or the chance of a burst ({@code burst})
     *                      allowed fewer calls than the target
     */
    record Dials(int calls, boolean heldByPromise) {
    }

    /**
     * How many standard deviations above the answer rate read the burst's tail counts it ({@link #boundedRate}).
     * At one, generator seed 4's fuzzed days had 7 over the limit by its 99th scenario of 150, four of them
     * new (rises of the answer rate whose luck moved; main: 7 in all); at 1.5, 3 in all, none new. The
     * cost is occupancy where the tail binds often (the first answers of every clock hour): 0.849 → 0.841 on a 25-agent day at one answer in
     * three after 10 s, and 0.5-1.2 points on issue 15's suite's 8-agent day and its 40 → 10 % drop.
     */
    private static final double RATE_BOUND_DEVIATIONS = 1.5;

    /**
     * The most calls to dial now.
     *
     * @param ringing      calls placed and not yet answered
     * @param pending      the person answers still to come from them (each ringing call's own chance)
     * @param waiting      customers answered and not yet talking to an agent
     * @param answerRate   the probability that a dial placed now is answered by a person
     * @param freeNow      agents free now
     * @param freeingSoon  busy agents free before the ringing calls' answers come (mean and variance)
     * @param freeingSoonerHalf busy agents free in time for the sooner half of the answers to come
     * @param freeing      busy agents free within the horizon of a call dialed now
     * @param targetShare  the share of answers that may go without an agent
     * @param mostOverflow the most customers without an agent expected in all (the abandons left)
     * @param burst        the whole abandons left, and the most chance of a burst of more
     * @param most         never more than this (free lines)
     */
    static Dials callsToDial(int ringing, RingingCalls.PendingAnswers pending, int waiting, double answerRate,
                             int freeNow, PacingObservations.Freeing freeingSoon, PacingObservations.Freeing freeingSoonerHalf,
                             PacingObservations.Freeing freeing, double targetShare, double mostOverflow,
                             AbandonBudget.BurstRoom burst, int most) {
        // One call per free agent not yet spoken for is always safe: even if all answer, each finds an
        // agent. The normal approximation is poor with a handful of calls, so it only adds to that.
        int safe = safe(freeNow, ringing, waiting, most);
        // The ringing calls' answers come first, before the agents freeing later can take them: those
        // customers' overflow is counted against the agents free by then, whatever is dialed now. Only
        // as far as the ringing calls are counted by their age: counted all at the answer rate, their
        // surplus of answers already covers it.
        double early = pending.trust() * overflow(pending.mean() + waiting, pending.variance(), freeNow,
                freeingSoon.mean(), freeingSoon.variance());
        IntToDoubleFunction overflowWith = calls -> Math.max(early, overflow(answers(pending, calls, answerRate, waiting),
                pending.variance() + calls * answerRate * (1 - answerRate), freeNow, freeing.mean(), freeing.variance()));
        int byTarget = largest(safe, Math.max(safe, most), calls -> overflowWith.applyAsDouble(calls)
                <= targetShare * answers(pending, calls, answerRate, waiting));
        int byPromise = overflowWith.applyAsDouble(byTarget) <= mostOverflow ? byTarget
                : largest(safe, byTarget, calls -> overflowWith.applyAsDouble(calls) <= mostOverflow);
        // The tail: customers without an agent beyond the whole abandons left, D > k, is X − M > k + free − waiting.
        // Counted at the most the answer rate may be for what it was read from ({@link #boundedRate}): a
        // promise on a tail, held to a rate that may be far below the truth, is no promise.
        // The ringing calls' chances are raised by the same factor c: of Bernoulli chances p_i, the sum's
        // variance is c·Σp_i − c²·Σp_i², and Σp_i² is their mean less their variance.
        double burstRate = Math.max(answerRate, burst.answerRate());
        // The ringing calls as the tail counts them: those rung exactly an answer's ring may be answered now.
        double raised = answerRate > 0 ? Math.min(burstRate / answerRate, ringing / Math.max(pending.dueMean(), 1e-9)) : 1;
        double ringingAnswers = pending.dueMean() * Math.max(1, raised);
        double ringingVariance = raised > 1 ? Math.max(0, ringingAnswers - raised * raised
                * (pending.dueMean() - pending.dueVariance())) : pending.dueVariance();
        // The agents freeing as many as the forecasts before came true: the tail is a promise, and the
        // durations' count ran 1.6 times the agents who freed on a steady day whose hours it took over.
        PacingObservations.Freeing freeingAsRealised = freeing.scaled(burst.freeingShare());
        // The sooner half of the answers can be taken only by the agents free in time for it, the later agents by
        // all of them: the customers without an agent are the more of the two overflows. Counted only against the
        // two horizons' agents averaged, the answers were given half of a cohort that frees at once for the early
        // ones, who came 1-5 s before it freed and hung up within 2.2 s (340 agents on constant talks and wrap-ups:
        // 24 abandoned in one burst where the room was 10). Held here, in the promise, and not in the target's
        // model, whose scale the gain learns: there it moved the gain and a rise day's luck (generator seed 20, #43).
        PacingObservations.Freeing soonerAsRealised = freeingSoonerHalf.scaled(burst.freeingShare());
        boolean soonerMayOverflow = soonerAsRealised.mean() < freeingAsRealised.mean();
        int room = burst.wholeAbandons() + freeNow - waiting;
        BurstCounts counts = BURST_COUNTS.get();
        // The sooner half is counted only where all the answers fit: a search's steps that do not are settled without it.
        IntPredicate withinChance = calls -> {
            double answers = ringingAnswers + calls * burstRate;
            double variance = ringingVariance + calls * burstRate * (1 - burstRate);
            return chanceOfMore(room, answers, variance, freeingAsRealised.mean(), freeingAsRealised.variance(),
                    counts.freed) <= burst.chance()
                    && (!soonerMayOverflow || chanceOfMore(room, answers / 2, variance / 2, soonerAsRealised.mean(),
                            soonerAsRealised.variance(), counts.freedSooner) <= burst.chance());
        };
        int byBurst = withinChance.test(byPromise) ? byPromise : largest(safe, byPromise, withinChance);
        return new Dials(byBurst, byBurst < byTarget);
    }

    /**
     * One call per free agent not yet spoken for by a ringing call or a waiting customer, within
     * {@code most}: even if all answer, each finds an agent (progressive's count).
     */
    static int safe(int freeNow, int ringing, int waiting, int most) {
        return Math.clamp(freeNow - ringing - waiting, 0, Math.max(0, most));
    }

    /**
     * The most the answer rate may be, read as {@code rate} from about {@code dials} dials: the upper
     * end of its Wilson interval at {@link #RATE_BOUND_DEVIATIONS} standard deviations. A 2-agent team
     * read 5.6 % from a run of no-answers among its last twenty dials where a person answered one in
     * four, dialed four lines for its two agents with one abandon left in the day, and lost two.
     */
    static double boundedRate(double rate, double dials) {
        if (dials <= 0) {
            return 1;
        }
        double z = RATE_BOUND_DEVIATIONS;
        double z2n = z * z / dials;
        double centre = rate + z2n / 2;
        double spread = z * Math.sqrt(rate * (1 - rate) / dials + z2n / (4 * dials));
        return Math.min(1, (centre + spread) / (1 + z2n));
    }

    /**
     * P(X − M > k): X the answers, M the agents freeing, each a count of independent trials with
     * this mean and variance ({@link Counts}).
     */
    static double chanceOfMore(int k, double answers, double answersVariance, double freeingMean, double freeingVariance) {
        return chanceOfMore(k, answers, answersVariance, freeingMean, freeingVariance, BURST_COUNTS.get().freed);
    }

    /** {@link #chanceOfMore}, the agents freeing counted into {@code freed} (one per freeing a round asks, so each is kept). */
    private static double chanceOfMore(int k, double answers, double answersVariance, double freeingMean,
                                       double freeingVariance, Counts freed) {
        if (k < 0) {
            return 1;
        }
        double sigma = Math.sqrt(answersVariance + freeingVariance);
        if (k + 0.5 - answers + freeingMean > FAR_BEYOND * sigma) {
            // Most pacing rounds of a large team, whose room is many abandons: not worth counting.
            return 0;
        }
        Counts answered = BURST_COUNTS.get().answered;
        // The agents freeing are the same at every step of a round's search for the most calls (only the
        // answers grow with the calls): counted once, not at each step.
        boolean freedCounted = freed.countUnlessKept(freeingMean, freeingVariance);
        boolean answeredCounted = answered.count(answers, answersVariance);
        if (!freedCounted || !answeredCounted) {
            return 1 - cumulative((k + 0.5 - answers + freeingMean) / sigma);
        }
        // P(X > j) from the top down, for j = k + m; above k + the most freeing, only the tail grows.
        double[] freedAt = freed.at;
        double[] answeredAt = answered.at;
        double chance = 0;
        double above = 0;
        int j = answered.length - 1;
        for (; j >= k + freed.length; j--) {
            above += answeredAt[j];
        }
        for (; j >= k; j--) {
            chance += freedAt[j - k] * above;
            above += answeredAt[j];
        }
        return chance;
    }

    /**
     * Where a thread counts a burst's chances: every pacing round of a team whose room is a few abandons
     * counts two of them at each step of its search, and new arrays for them were a tenth of what a
     * simulated day allocated. Per thread, since each business's engine runs on a thread of its own.
     */
    private static final ThreadLocal<BurstCounts> BURST_COUNTS = ThreadLocal.withInitial(BurstCounts::new);

    /** The counts of the agents freeing and of the answers, written over at each use. */
    private static final class BurstCounts {
        private final Counts freed = new Counts();
        /** The agents free in time for the sooner half of the answers. */
        private final Counts freedSooner = new Counts();
        private final Counts answered = new Counts();
    }

    /**
     * P(N = n) for n = 0, 1, … below {@link #length} of a count of independent trials with a mean and
     * variance, taken as binomial (Poisson where the variance is near the mean), in an array kept from
     * one count to the next.
     */
    private static final class Counts {

        private double[] at = new double[64];
        private int length;
        /** What the array holds the count of, for {@link #countUnlessKept}; NaN bits when nothing. */
        private long keptMeanBits = Double.doubleToRawLongBits(Double.NaN);
        private long keptVarianceBits = Double.doubleToRawLongBits(Double.NaN);
        private boolean keptCounted;

        /** {@link #count}, unless the array holds this very count already. */
        boolean countUnlessKept(double mean, double variance) {
            long meanBits = Double.doubleToRawLongBits(mean);
            long varianceBits = Double.doubleToRawLongBits(variance);
            if (meanBits != keptMeanBits || varianceBits != keptVarianceBits) {
                keptCounted = count(mean, variance);
                keptMeanBits = meanBits;
                keptVarianceBits = varianceBits;
            }
            return keptCounted;
        }

        /** Counts P(N = n) into the array; false (nothing counted) if too many to count. */
        boolean count(double mean, double variance) {
            // Forgotten first: a count written over is no longer the one kept.
            keptMeanBits = Double.doubleToRawLongBits(Double.NaN);
            if (mean <= 1e-9) {
                return certainly(0);
            }
            double p = 1 - variance / mean;
            if (p >= 1 - 1e-9) {
                return certainly((int) Math.round(mean));
            }
            int top = (int) Math.ceil(mean + 12 * Math.sqrt(variance) + 5);
            if (top > 600 || mean > 300) {
                return false;
            }
            // Each term is the last times a factor worked out beside the chain of multiplications, not in
            // it: a multiply and a divide or two in a row per term made each wait for the last's division,
            // and every pacing round of a team whose room is a few abandons counts two of these.
            if (p < 0.02) {
                sized(top + 1);
                at[0] = Math.exp(-mean);
                for (int i = 1; i <= top; i++) {
                    at[i] = at[i - 1] * (mean / i);
                }
                return true;
            }
            int trials = Math.max(1, (int) Math.round(mean / p));
            double each = Math.min(1, mean / trials);
            if (each >= 1) {
                return certainly(trials);
            }
            sized(top + 1);
            at[0] = Math.pow(1 - each, trials);
            double odds = each / (1 - each);
            int last = Math.min(top, trials);
            for (int i = 1; i <= last; i++) {
                at[i] = at[i - 1] * ((trials - i + 1) * odds / i);
            }
            Arrays.fill(at, last + 1, top + 1, 0);
            return true;
        }

        /** N is {@code n} for certain. */
        private boolean certainly(int n) {
            sized(n + 1);
            Arrays.fill(at, 0, n, 0);
            at[n] = 1;
            return true;
        }

        private void sized(int newLength) {
            if (at.length < newLength) {
                at = new double[Math.max(newLength, 2 * at.length)];
            }
            length = newLength;
        }
    }

    /** The person answers expected from the calls ringing and {@code calls} more, with the customers waiting. */
    private static double answers(RingingCalls.PendingAnswers pending, int calls, double answerRate, int waiting) {
        return pending.mean() + calls * answerRate + waiting;
    }

    /** The largest count in [low, high] that fits, {@code low} if none above it does (fitting is monotone). */
    private static int largest(int low, int high, IntPredicate fits) {
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (fits.test(mid)) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    /**
     * The expected number of answers that find no agent, E[D⁺], with {@code answers} expected in all
     * (the customers waiting included) and the variance {@code answersVar} of that number.
     */
    static double overflow(double answers, double answersVar, int freeNow, double freeingMean, double freeingVar) {
        if (answers <= 0) {
            return 0;
        }
        double mean = answers - freeNow - freeingMean;
        double sigma = Math.sqrt(answersVar + freeingVar);
        return sigma < 1e-9 ? Math.max(0, mean) : sigma * density(mean / sigma) + mean * cumulative(mean / sigma);
    }

    private static double density(double z) {
        return Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
    }

    /** Φ by the Abramowitz–Stegun 7.1.26 error function; its 1.5e-7 error is far below what matters here. */
    static double cumulative(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592)
                * t * Math.exp(-x * x);
        return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
    }
}
