package dev.outdial.engine.pacing;

import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.port.CallRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The pool dials still ringing, by when they were placed, and how likely each is still to be
 * answered by a person given how long it has rung. A dial that has rung past the ring times of the
 * answers seen is most likely one that will ring out: counting every ringing call at the answer
 * rate took calls near their no-answer timeout for answers to come, and with one answer in three
 * after 10 s and no-answers after 25 s, it expected about 1.7 times the answers really coming, so
 * it held back dials the agents needed (the remaining-ring analogue of counting each busy agent by
 * the time already spent, {@link DurationSamples}).
 *
 * <p>For a dial that has rung {@code a} without an outcome, with answer rate p, S₁ the share of
 * person answers that take longer than {@code a} to come and S₀ that of the other outcomes (busy,
 * no answer, machine, failure) to end: P(answered | still ringing at a) = p·S₁ ÷ (p·S₁ + (1 − p)·S₀).
 * Until enough outcomes of both kinds are seen, or past anything seen, a call counts at p, as before.
 *
 * <p>The other way round, a dial still ringing once the busy and failed dials of its moment have
 * ended is <em>more</em> likely than p to be answered (p counts every dial, those included): with
 * one dial in four busy within a second, the calls ringing bring a third more answers than p says.
 * Counted at p while the answer rate moved, the lines in flight of a 322-agent day with 25.6 s rings
 * looked like 30 answers for 41 agents where 39 were to come (a quarter of its dials were busy), and
 * 16 customers were abandoned within a minute (an hour at 2.35 % of 2 %). That side is the cautious one, so it counts whatever the trust.
 */
final class RingingCalls {

    /** A dial not heard of for this long did not happen (no customer was left, or it was never placed). */
    private static final long FORGOTTEN_AFTER_MILLIS = Duration.ofMinutes(3).toMillis();

    /** Dial times in milliseconds, with how many dials were placed at each. */
    private final DialTimes dialedAt = new DialTimes();
    private int size;
    private final DurationSamples personAnswers = new DurationSamples();
    private final DurationSamples otherOutcomes = new DurationSamples();

    /** The strategy asked for {@code count} pool dials at {@code now}. */
    void dialed(Instant now, int count) {
        if (count > 0) {
            dialedAt.add(now.toEpochMilli(), count);
            size += count;
        }
    }

    /**
     * A call was connected to an agent or ended: it no longer rings, and its outcome tells how long
     * dials ring before each kind of outcome. Call once per call: at its connection, or at its end
     * if it never was connected.
     */
    void settled(CallRecord call) {
        Instant dialed = call.dialingAt();
        boolean person = call.answeredAt().isPresent() && call.result().map(result -> result != CallResult.MACHINE).orElse(true);
        if (person) {
            personAnswers.add(Duration.between(dialed, call.answeredAt().get()));
        } else {
            otherOutcomes.add(Duration.between(dialed, call.endedAt().orElseThrow()));
        }
        forget(dialed.toEpochMilli());
    }

    /**
     * The answers by a person still to come from the {@code ringing} calls ringing now: their mean and
     * variance. {@code waiting} customers were answered and wait for an agent; they are among the
     * dials this holds (no event told of their answer), taken as the oldest ones. {@code trust}, 0 to
     * 1, is how far to go from the answer rate down to each call's own chance: the chance leans on the
     * answer rate's odds, so until that rate is steady (the strategy's steadiness), every ringing call
     * counts nearer a fresh dial (after a fall from 40 % to 10 %, counting the old calls out at the
     * stale rate overdialed the lower one: an hour at 3.7 %; trusting them before any drift was seen
     * took a 10-agent hour after 35 % fell to 12 % over 3 % before the drift showed). A chance above
     * the answer rate counts in full at any trust.
     */
    PendingAnswers pending(Instant now, int ringing, int waiting, double answerRate, double trust, Duration ringTime) {
        long nowMillis = now.toEpochMilli();
        size -= dialedAt.removeBefore(nowMillis - FORGOTTEN_AFTER_MILLIS);
        // Dials the view counts but this does not hold (placed by another path) count at the answer rate.
        int unknown = Math.max(0, ringing + waiting - size);
        double mean = unknown * answerRate;
        double variance = unknown * answerRate * (1 - answerRate);
        // The answers' remaining ring, weighted by their chances: the unknown dials count as just placed.
        double remaining = mean * ringTime.toMillis();
        // The youngest dials are the ones ringing: skip the oldest beyond the view's count.
        int toSkip = size + unknown - ringing;
        boolean known = personAnswers.size() >= DurationSamples.ENOUGH && otherOutcomes.size() >= DurationSamples.ENOUGH;
        // Oldest dial first, so the ages come longest first: each kind's samples are walked down once a round.
        int personAtMost = personAnswers.size();
        int otherAtMost = otherOutcomes.size();
        int personShorter = personAnswers.size();
        int otherShorter = otherOutcomes.size();
        double dueMean = mean;
        double dueVariance = variance;
        for (int dial = 0; dial < dialedAt.size(); dial++) {
            int count = dialedAt.count(dial);
            int skipped = Math.min(toSkip, count);
            toSkip -= skipped;
            count -= skipped;
            if (count == 0) {
                continue;
            }
            double p = answerRate;
            double due = answerRate;
            if (known) {
                long rung = nowMillis - dialedAt.time(dial);
                personAtMost = personAnswers.atMostWalkingDown(personAtMost, rung);
                otherAtMost = otherOutcomes.atMostWalkingDown(otherAtMost, rung);
                double given = answeredGivenRinging(personAnswers.shareLongerThan(personAtMost),
                        otherOutcomes.shareLongerThan(otherAtMost), answerRate);
                // Above the answer rate (the busy and failed dials of its moment have ended) it is the
                // cautious side and counts whatever the trust; below it, only as far as the rate is trusted.
                p = given > answerRate ? given : answerRate + trust * (given - answerRate);
                // A call still ringing may be answered this very millisecond: of the outcomes that take as long as
                // it has rung, none has come yet. Counted as past, a call rung exactly the ring of every answer seen
                // has no chance left: on a day of rings of exactly 27.5 s, a round run at the instant 26 such calls
                // were answered counted none of them, the burst's tail let it dial 28 lines for 15 agents free and 8
                // freeing, and 18 customers were abandoned at once (an hour at 1.18 % of 1 %). The tail, a promise on
                // whole abandons, counts them so; the target's model keeps its count, whose scale the gain learns
                // (counted there too, a 25-agent day of rings of exactly 10 s lost half a point of occupancy).
                personShorter = personAnswers.atMostWalkingDown(personShorter, rung - 1);
                otherShorter = otherOutcomes.atMostWalkingDown(otherShorter, rung - 1);
                double stillToCome = answeredGivenRinging(personAnswers.shareLongerThan(personShorter),
                        otherOutcomes.shareLongerThan(otherShorter), answerRate);
                due = given > answerRate ? given : answerRate + trust * (stillToCome - answerRate);
            }
            mean += count * p;
            variance += count * p * (1 - p);
            dueMean += count * due;
            dueVariance += count * due * (1 - due);
            remaining += count * p * Math.max(0, ringTime.toMillis() - (nowMillis - dialedAt.time(dial)));
        }
        return new PendingAnswers(mean, variance, Duration.ofMillis(mean <= 0 ? 0 : Math.round(remaining / mean)),
                known ? trust : 0, dueMean, dueVariance);
    }

    /**
     * How long the answers by a person rang, as the mean of their sooner half and of their later half,
     * once enough were seen: a call dialed now is answered early or late, and the agents who can take
     * it are those free by its own answer (plus the wait), not by the mean one's.
     */
    Optional<DurationSamples.Halves> answerRings() {
        return personAnswers.size() >= DurationSamples.ENOUGH ? Optional.of(personAnswers.halves()) : Optional.empty();
    }

    /** From the shares of person answers and of other outcomes that take longer than the call has rung. */
    private static double answeredGivenRinging(double personLonger, double otherLonger, double answerRate) {
        double person = answerRate * personLonger;
        double other = (1 - answerRate) * otherLonger;
        return person + other <= 0 ? answerRate : person / (person + other);
    }

    /** Takes one dial placed at {@code millis}, or the nearest one held, off the ringing calls. */
    private void forget(long millis) {
        if (dialedAt.removeOneNearest(millis)) {
            size--;
        }
    }

    /**
     * The person answers still to come from the calls ringing: a sum of independent trials, and about
     * how soon they come (the mean ring they have left, by the ring time of answers), and how far each
     * call was counted by its age (0: all at the answer rate); and the same answers with each call counted as
     * one whose outcome may come this very millisecond ({@code dueMean}, {@code dueVariance}: the burst's tail's).
     */
    record PendingAnswers(double mean, double variance, Duration soon, double trust, double dueMean,
                          double dueVariance) {

        /** Answers whose count does not depend on whether an outcome may come at the instant asked. */
        PendingAnswers(double mean, double variance, Duration soon, double trust) {
            this(mean, variance, soon, trust, mean, variance);
        }
    }
}
