package dev.outdial.engine.pacing;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.port.CallRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * What a predictive campaign has seen of its calls and agents, as the pacing needs it: the answer
 * rate of recent dials (decaying, so a drift shows within minutes), the ring time before an
 * answer, how long agents stay busy once connected, what each busy agent is doing and since when,
 * and the campaign's abandons against its answers so far.
 */
final class PacingObservations {

    /** Half of an answer-rate observation's weight is gone after this long: recent enough to follow a drift. */
    private static final Duration HALF_LIFE = Duration.ofMinutes(5);
    /**
     * Before any outcome, assume every dial is answered: that is progressive (one call per free
     * agent), the safe side while nothing is known; the ratio is earned as outcomes come in. The
     * prior weighs as much as this many dials at the start and after a pause ({@link #restart}), and
     * fades with the same 5-minute half-life as the campaign's own history (and comes back when the
     * answer rate drifts): a constant prior weighed
     * a sixth of a small team's five minutes of dials for ever, and an 8-agent team at one answer in
     * five paced all day as if one in three answered.
     */
    private static final double PRIOR_ANSWER_RATE = 1.0;
    private static final double PRIOR_WEIGHT = 10;
    /**
     * A dial's outcome counts only once every dial placed at the same time has an outcome too: the
     * quick outcomes (busy, a person answering) come first, the no-answers last, and a ten-minute
     * talk tells its answer only at its end; counting outcomes as they came made the first minutes
     * of a day look like a low answer rate and overdial. Until a dial can have rung out (the longest
     * unanswered call seen, at least this), its cohort is held back.
     */
    private static final Duration LEAST_RESOLUTION = Duration.ofSeconds(30);
    /** …and at most this, so one call stuck in dialing does not freeze what the rest tell. */
    private static final Duration MOST_RESOLUTION = Duration.ofMinutes(2);
    private static final double DEFAULT_RING_SECONDS = 10;
    /** Waits of zero assumed before the abandons seen, so the first few do not stretch the horizon. */
    private static final double WAIT_PRIOR = 5;
    /** The long memory the recent answer rate is compared with, to tell a steady rate from a drift. */
    private static final Duration STEADY_HALF_LIFE = Duration.ofMinutes(30);
    /** Answers by a person before the answer rate can be called steady: the first hour's worth or so. */
    private static final double STEADY_AFTER_ANSWERS = 200;
    /** …and ten per agent Available: a large team's first hundreds of answers come in its first minutes. */
    private static final double STEADY_ANSWERS_PER_AGENT = 10;
    /**
     * How far apart, in standard errors of the recent rate, the recent and the long rates may be and
     * still be called steady (fully up to the first, not at all from the second).
     */
    private static final double STEADY_GAP = 1.5;
    private static final double DRIFT_GAP = 3;

    /** Busy agent: on a call since {@code since}, or finished talking at {@code since} and not yet free. */
    record Work(boolean onCall, Instant since) {
    }

    /** One agent: their work while busy (null when free), and when their call connected. */
    private static final class AgentSlot {
        private Work work;
        /** When {@link #work} began, in milliseconds; {@link Long#MIN_VALUE} when free. */
        private long workSinceMillis = Long.MIN_VALUE;
        private Instant connectedAt;
        /** Among the Available agents of the last round: their work is kept in {@link #talkingSince} or {@link #wrappingUpSince}. */
        private boolean counted;
    }

    private final DurationSamples service = new DurationSamples();
    private final DurationSamples afterCall = new DurationSamples();
    /** Every agent seen, with what they are doing: one slot each, so a pacing round reads an array, not maps. */
    private final Map<AgentId, AgentSlot> slots = new HashMap<>();
    /** The slots of the Available agents of the last round, kept while the same list comes back. */
    private List<AgentId> slotsFor;
    /** Where the talking and the wrapping-up agents' chances of freeing are summed, round after round. */
    private final DurationSamples.Sums fromCalls = new DurationSamples.Sums();
    private final DurationSamples.Sums fromWrapUps = new DurationSamples.Sums();
    private AgentSlot[] availableSlots = new AgentSlot[0];
    /**
     * When the work of each of those busy agents began, by kind, kept sorted as their work changes:
     * a round reads them in order instead of gathering and sorting every agent's.
     */
    private final BusySince talkingSince = new BusySince();
    private final BusySince wrappingUpSince = new BusySince();
    private double decayedDials;
    /** The safe prior's weight, in dials: {@link #PRIOR_WEIGHT} at the start and after a pause, fading since. */
    private double priorWeight = PRIOR_WEIGHT;
    private double decayedAnswers;
    private double steadyDials;
    private double steadyAnswers;
    private Instant decayedAt;
    private double ringSeconds = DEFAULT_RING_SECONDS;
    /** The waits of the customers who hung up (or were hung up on) before an agent came, summed and counted. */
    private double abandonedWaitSeconds;
    private long abandonedWaits;
    /** Outcomes known and not yet counted, as dial time in milliseconds × 2 + 1 if answered by a person. */
    private final PriorityQueue<Long> unripe = new PriorityQueue<>();
    private long resolutionMillis = LEAST_RESOLUTION.toMillis();
    /** Busy agents on a call, kept as the map changes: every pacing round asks. */
    private int onCalls;
    private long answeredByPerson;
    private long abandoned;
    /** Answers by a person when the answer rate was last seen drifting (0: not since the start). */
    private long answeredAtDrift;
    private final AnswerRateRise rise = new AnswerRateRise();
    private final ForeseenFreeings foreseen = new ForeseenFreeings();
    /** When {@link #answerRate} last read a rise the decaying rate had not caught up with yet. */
    private Instant riseSeenAt;
    /** The first round of the run of rounds whose durations were trusted, in milliseconds; none while they are not. */
    private long trustedSinceMillis = Long.MIN_VALUE;

    void observe(CallRecord call) {
        if (call.isOpen()) {
            call.connectedAt().ifPresent(at -> {
                // Connected: answered by a person, known now rather than at the end of the talk.
                holdOutcome(call.dialingAt(), true);
                rise.answered(call.dialingAt());
                call.agent().ifPresent(agent -> {
                    putBusy(agent, new Work(true, at));
                    slot(agent).connectedAt = at;
                });
            });
            return;
        }
        Instant end = call.endedAt().orElseThrow();
        CallResult result = call.result().orElseThrow();
        boolean person = call.answeredAt().isPresent() && result != CallResult.MACHINE;
        if (call.connectedAt().isEmpty()) {
            holdOutcome(call.dialingAt(), person);
            if (person) {
                rise.answered(call.dialingAt());
            }
            if (call.answeredAt().isEmpty()) {
                resolutionMillis = Math.clamp(Millis.between(call.dialingAt(), end), resolutionMillis,
                        MOST_RESOLUTION.toMillis());
            }
        }
        call.answeredAt().ifPresent(answer -> ringSeconds += 0.05 * (seconds(call.dialingAt(), answer) - ringSeconds));
        if (person) {
            answeredByPerson++;
        }
        if (result == CallResult.ABANDONED) {
            abandoned++;
            call.answeredAt().ifPresent(answer -> {
                abandonedWaitSeconds += seconds(answer, end);
                abandonedWaits++;
            });
        }
        if (call.connectedAt().isPresent()) {
            call.agent().ifPresent(agent -> putBusy(agent, new Work(false, end)));
        }
    }

    /** The agents free now: those we saw busy have finished, which is how long busy lasts. */
    void freeNow(List<AgentId> free, Instant now) {
        for (AgentId agent : free) {
            AgentSlot slot = slots.get(agent);
            if (slot == null) {
                continue;
            }
            Work work = slot.work;
            if (work != null) {
                foreseen.freed(now.toEpochMilli(), connectedMillis(slot));
            }
            work(slot, null);
            if (work != null && work.onCall()) {
                onCalls--;
            }
            Instant connected = slot.connectedAt;
            slot.connectedAt = null;
            if (work != null && !work.onCall()) {
                afterCall.add(Duration.between(work.since(), now));
                if (connected != null) {
                    service.add(Duration.between(connected, now));
                }
            }
        }
    }

    /**
     * How many busy agents (of {@code available}) will be free within each of the first {@code asked} of
     * {@code horizonsMillis} (at most {@link DurationSamples#MOST_HORIZONS}), read after it with {@link
     * #freeing(int)} in the order asked: the mean and variance of a sum of independent Bernoulli trials, one
     * per agent, each with the probability the observed durations give for the time the agent has already
     * spent. All horizons are counted in one walk over the busy agents, into sums kept from round to round
     * (a round made lists of the horizons and of the freeings, and their objects, for a few numbers).
     */
    void freeingWithin(List<AgentId> available, Instant now, long[] horizonsMillis, int asked) {
        long nowMillis = now.toEpochMilli();
        // Two durations per agent before trusting them: the first completions of a day are its
        // shortest calls, and a team of 200 sees 60 of them in its first minute.
        int enough = 2 * available.size();
        if (available != slotsFor) {
            countOnly(available);
        }
        service.freeingWithin(talkingSince, nowMillis, horizonsMillis, asked, enough, fromCalls);
        afterCall.freeingWithin(wrappingUpSince, nowMillis, horizonsMillis, asked, enough, fromWrapUps);
        heldToWrapUpsAhead(horizonsMillis, asked);
        // Only forecasts the durations made: before they are trusted the agents foreseen are none, and the
        // agents who freed counted against nothing lifted the share (a 338-agent day's first four minutes
        // left it at 0.81 where 0.5-0.7 of the foreseen freed, ten minutes later).
        boolean trusted = service.trusted(enough) && afterCall.trusted(enough);
        if (!trusted) {
            trustedSinceMillis = Long.MIN_VALUE;
        } else if (trustedSinceMillis == Long.MIN_VALUE) {
            trustedSinceMillis = nowMillis;
        }
        if (asked > 0 && trusted) {
            foreseen.foresaw(nowMillis, horizonsMillis[0], freeing(0).mean());
        }
    }

    /**
     * How far the durations' forecasts of agents freeing have been earned, from 0 at the round they are
     * first trusted to 1 a {@code horizon} later: by then the answers to the first calls dialed on them have
     * come and the agents free show what the forecasts were worth. Before they are trusted they foresee no one,
     * so there is nothing to weigh (1).
     */
    double forecastsEarned(Instant now, Duration horizon) {
        if (trustedSinceMillis == Long.MIN_VALUE) {
            return 1;
        }
        return Math.min(1, (double) (now.toEpochMilli() - trustedSinceMillis) / Math.max(1, horizon.toMillis()));
    }

    /**
     * The share of the busy agents foreseen free within a round's horizon that did free within it, over the
     * last minutes, at most one ({@link ForeseenFreeings}).
     */
    double freeingRealisedShare(Instant now) {
        return foreseen.realisedShare(now.toEpochMilli());
    }

    private static long connectedMillis(AgentSlot slot) {
        return slot.connectedAt == null ? Long.MIN_VALUE : slot.connectedAt.toEpochMilli();
    }

    /**
     * An agent still talking frees within a horizon only if the wrap-up still ahead of them is shorter:
     * so the talking agents free within it are at most their number times the share of wrap-ups seen
     * that short. The durations from connection to free count a talking agent as one whose wrap-up may
     * be nearly over (a duration longer than the talk so far may be a short talk and a wrap-up ending
     * now), which counted the freeing about twice where the wrap-ups outlast the horizon: 251 agents
     * with wrap-ups of 35-52 s and horizons of 27 s were given 9-13 talking agents free a round where
     * none could be, and lost 76-81 customers a day (1.75-1.90 % of 2 %, an hour at 2.02 %). A bound,
     * not a model: where the wrap-ups are shorter than the horizon it seldom binds, and the count is
     * the durations' as before (the exact count, talks paired with their wrap-ups, cost the suite's
     * guards their occupancy: bench/README, issue 15's thirteenth and fourteenth sessions).
     */
    private void heldToWrapUpsAhead(long[] horizonsMillis, int asked) {
        int talking = talkingSince.size();
        if (talking == 0 || afterCall.size() < DurationSamples.ENOUGH) {
            return;
        }
        for (int h = 0; h < asked; h++) {
            double share = afterCall.shareAtMost(horizonsMillis[h]);
            double most = talking * share;
            if (fromCalls.mean[h] > most) {
                // As if each talking agent were free with that share: the sum's variance follows its mean.
                fromCalls.mean[h] = most;
                fromCalls.variance[h] = most * (1 - share);
            }
        }
    }

    /** The agents free within the {@code h}th horizon the last {@link #freeingWithin} asked. */
    Freeing freeing(int h) {
        return new Freeing(fromCalls.mean[h] + fromWrapUps.mean[h], fromCalls.variance[h] + fromWrapUps.variance[h]);
    }

    record Freeing(double mean, double variance) {

        static final Freeing NONE = new Freeing(0, 0);

        /**
         * Each agent free with {@code share} of their chance: of Bernoulli chances p_i, the count's variance
         * is Σ s·p_i − s²·Σ p_i², and Σ p_i² is the mean less the variance.
         */
        Freeing scaled(double share) {
            if (share >= 1) {
                return this;
            }
            return new Freeing(share * mean, Math.max(0, share * mean - share * share * (mean - variance)));
        }

        /**
         * Each agent free with the mean of their two chances: the count's mean is the two means' mean; its
         * variance, the two variances' mean, is short of the mixture's by the squared halves of each agent's
         * gap, which the sums do not keep.
         */
        Freeing averagedWith(Freeing other) {
            return new Freeing((mean + other.mean) / 2, (variance + other.variance) / 2);
        }
    }

    /**
     * Agents free within the horizon, within the sooner half of the answers' rings (the horizon's when the
     * rings are not known yet), and within the sooner one of the ringing calls (none when it is not asked).
     */
    record Freeings(Freeing within, Freeing soonerHalf, Freeing soon) {
    }

    /** How long an agent stays busy once connected, talk and wrap-up, on average; 0 until enough were seen. */
    double meanBusySeconds() {
        return service.size() >= DurationSamples.ENOUGH ? service.meanSeconds() : 0;
    }

    /** Calls of the campaign talking now. */
    int onCalls() {
        return onCalls;
    }

    private void putBusy(AgentId agent, Work work) {
        AgentSlot slot = slot(agent);
        Work previous = slot.work;
        if (previous != null && !previous.onCall() && work.onCall()) {
            // Put through to a customer waiting the moment the wrap-up ended: freed then, never seen free.
            foreseen.freed(work.since().toEpochMilli(), connectedMillis(slot));
        }
        work(slot, work);
        onCalls += (work.onCall() ? 1 : 0) - (previous != null && previous.onCall() ? 1 : 0);
    }

    /** The agent's work changes (null: free now), and with it the kept start times if the agent is counted. */
    private void work(AgentSlot slot, Work work) {
        if (slot.counted && slot.work != null) {
            busySince(slot.work).remove(slot.workSinceMillis);
        }
        slot.work = work;
        slot.workSinceMillis = work == null ? Long.MIN_VALUE : work.since().toEpochMilli();
        if (slot.counted && work != null) {
            busySince(work).add(slot.workSinceMillis);
        }
    }

    private BusySince busySince(Work work) {
        return work.onCall() ? talkingSince : wrappingUpSince;
    }

    /** Another list of Available agents: the start times kept are theirs from now on. */
    private void countOnly(List<AgentId> available) {
        for (AgentSlot slot : availableSlots) {
            slot.counted = false;
        }
        talkingSince.clear();
        wrappingUpSince.clear();
        availableSlots = available.stream().map(this::slot).toArray(AgentSlot[]::new);
        slotsFor = available;
        for (AgentSlot slot : availableSlots) {
            slot.counted = true;
            if (slot.work != null) {
                busySince(slot.work).add(slot.workSinceMillis);
            }
        }
    }

    private AgentSlot slot(AgentId agent) {
        return slots.computeIfAbsent(agent, ignored -> new AgentSlot());
    }

    /** The campaign placed {@code count} dials at {@code at}. */
    void dialed(Instant at, int count) {
        rise.dialed(at, count);
    }

    /** Dials the campaign placed in the seconds from {@code fromSecond} to {@code toSecond}, both counted. */
    long dialedBetween(long fromSecond, long toSecond) {
        return rise.dialedBetween(fromSecond, toSecond);
    }

    /**
     * The recent answer rate: the decaying one, or the last minute's dials' if it rose beyond that by
     * more than noise (their answers are all in once a ring's time twice and the wait have passed, and
     * most of them once a ring's time has).
     */
    double answerRate(Instant now, Duration maxWait) {
        ripen(now);
        decayTo(now);
        double decaying = (decayedAnswers + PRIOR_ANSWER_RATE * priorWeight) / (decayedDials + priorWeight);
        // Also the minute up to one ring time ago, whose answers are not all in: a lower bound of its rate,
        // read a ring time and the wait sooner. A step from 24 to 82 % read only from complete minutes was
        // seen a minute late, while ~300 lines dialed at 24 % in its second half-minute were answered at 82 %.
        // Twice the ring time as a sum: Duration.multipliedBy goes through BigDecimal, at every round.
        Duration ringTime = ringTime();
        double recent = rise.atLeast(decaying, now, ringTime.plus(ringTime).plus(maxWait), ringTime);
        if (recent > decaying) {
            riseSeenAt = now;
        }
        return recent;
    }

    /**
     * How many dials the decaying answer rate rests on, the prior's included, as {@link #answerRate} last
     * decayed them: a rate read from twenty dials may be half the truth or twice it.
     */
    double answerRateDials() {
        return decayedDials + priorWeight;
    }

    /**
     * How steady the answer rate is, from 0 (too little seen yet, or the recent rate has moved away
     * from the longer-run one by more than its own noise explains: a drift) to 1 (enough answers, and
     * the last minutes answer as the last hour did).
     */
    double answerRateSteadiness(Instant now, int team) {
        ripen(now);
        decayTo(now);
        if (now.equals(riseSeenAt)) {
            // A rise the decaying rate has not caught up with: a drift, read sooner.
            answeredAtDrift = answeredByPerson;
            return 0;
        }
        if (decayedDials < 1 || steadyDials < 1) {
            return 0;
        }
        double recent = decayedAnswers / decayedDials;
        double longRun = steadyAnswers / steadyDials;
        double noise = Math.sqrt(Math.max(longRun * (1 - longRun), 1e-4) / decayedDials);
        double gap = Math.abs(recent - longRun) / noise;
        if (gap >= DRIFT_GAP) {
            // A drift: what was learnt of the abandons at the old rate is no guide to the new one, so the
            // steadiness is earned again from the answers after it.
            answeredAtDrift = answeredByPerson;
            // The history is of the old rate now: lean on the safe prior again until the new one shows
            // (without it, a 10-agent team's hour after 35 % fell to 12 % went to 3.2 %).
            priorWeight = PRIOR_WEIGHT;
        }
        double enough = Math.max(STEADY_AFTER_ANSWERS, STEADY_ANSWERS_PER_AGENT * team);
        double since = answeredByPerson - answeredAtDrift;
        double ramp = Math.clamp((since - enough) / enough, 0, 1);
        return ramp * Math.clamp((DRIFT_GAP - gap) / (DRIFT_GAP - STEADY_GAP), 0, 1);
    }

    /** Back from a pause: the answer rate leans on the safe prior again until outcomes come in. */
    void restart(Instant now) {
        // The outcomes of the last dials before the pause count as of then, not at full weight now.
        ripen(now);
        decayTo(now);
        priorWeight = PRIOR_WEIGHT;
    }

    Duration ringTime() {
        return Duration.ofMillis(Math.round(ringSeconds * 1000));
    }

    /**
     * How long an answered customer without an agent stays on the line, at most {@code maxWait}: an
     * agent freeing within it still takes them. Counted as the mean wait of the customers who were
     * abandoned, which is short of the whole patience (those who wait longest are the ones an agent
     * reaches), so the safe side; none until abandons are seen ({@link #WAIT_PRIOR} waits of zero).
     */
    Duration customerWait(Duration maxWait) {
        double seconds = abandonedWaitSeconds / (abandonedWaits + WAIT_PRIOR);
        return Duration.ofMillis(Math.min(Math.round(seconds * 1000), maxWait.toMillis()));
    }

    long answeredByPerson() {
        return answeredByPerson;
    }

    long abandoned() {
        return abandoned;
    }

    private void holdOutcome(Instant dialedAt, boolean answered) {
        unripe.add(dialedAt.toEpochMilli() * 2 + (answered ? 1 : 0));
    }

    /** Counts the outcomes of the dials placed long enough ago that all of their cohort has one. */
    private void ripen(Instant now) {
        long ripeBefore = now.toEpochMilli() - resolutionMillis;
        while (!unripe.isEmpty() && unripe.peek() / 2 <= ripeBefore) {
            long outcome = unripe.poll();
            // Counted as of the moment it ripened, so it decays like an outcome seen then.
            countDial(Instant.ofEpochMilli(outcome / 2 + resolutionMillis), (outcome & 1) == 1);
        }
    }

    private void countDial(Instant at, boolean answered) {
        decayTo(at);
        decayedDials++;
        steadyDials++;
        if (answered) {
            decayedAnswers++;
            steadyAnswers++;
        }
    }

    private void decayTo(Instant now) {
        if (decayedAt != null && now.isAfter(decayedAt)) {
            double factor = Math.pow(0.5, Millis.between(decayedAt, now) / (double) HALF_LIFE.toMillis());
            decayedDials *= factor;
            priorWeight *= factor;
            decayedAnswers *= factor;
            double slow = Math.pow(0.5, Millis.between(decayedAt, now) / (double) STEADY_HALF_LIFE.toMillis());
            steadyDials *= slow;
            steadyAnswers *= slow;
        }
        if (decayedAt == null || now.isAfter(decayedAt)) {
            decayedAt = now;
        }
    }

    private static double seconds(Instant from, Instant to) {
        return Millis.between(from, to) / 1000.0;
    }
}
