package dev.outdial.engine.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.sim.Distribution;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: the abandon limit is a promise, not an average. On seeded sessions of the kinds that
 * broke it (an hour of ten-minute talks answered four times in five, a tiny team, a high answer
 * rate, an answer rate falling from 40 % to 10 % within ten minutes), predictive keeps the
 * session's abandon rate and that of every clock hour with at least 100 answers at or under the
 * limit, with no violation. Short sessions, so the class runs in a few seconds.
 */
class PredictiveAbandonPromiseTest {

    private static final Duration RING = Duration.ofSeconds(8);

    /** 50 agents, 58 minutes, 80 % answered after 15–25 s, talks of 500–600 s, no wrap-up, 2 s maximum wait. */
    static final Scenario SHORT_SESSION_LONG_CALLS = new Scenario("an hour of long calls", 1, 50, 2500,
            Duration.ofMinutes(58), 0.03, Duration.ofSeconds(2), 200, 1, Duration.ofHours(1),
            List.of(new Scenario.AnswerStep(Duration.ZERO, 0.8)), 0.1, Duration.ofSeconds(30),
            Distribution.uniform(Duration.ofSeconds(15), Duration.ofSeconds(25)),
            Distribution.uniform(Duration.ofSeconds(500), Duration.ofSeconds(600)), Distribution.constant(Duration.ZERO),
            Distribution.exponential(Duration.ofSeconds(30)));

    /** 25 agents, two hours, 80 % answered, talks of 60–120 s: about 800 answers an hour. */
    static final Scenario HIGH_ANSWER_RATE = session("high answer rate", 25, Duration.ofHours(2),
            List.of(new Scenario.AnswerStep(Duration.ZERO, 0.8)),
            Distribution.uniform(Duration.ofSeconds(60), Duration.ofSeconds(120)));

    /** 8 agents, two hours, one dial in five answered, exponential talks of 4 minutes. */
    static final Scenario TINY_TEAM = session("tiny team", 8, Duration.ofHours(2),
            List.of(new Scenario.AnswerStep(Duration.ZERO, 0.2)), Distribution.exponential(Duration.ofMinutes(4)));

    /** 20 agents, 90 minutes, the answer rate falling from 40 % to 10 % between minutes 30 and 40. */
    static final Scenario SUDDEN_DROP = session("answer rate 40 → 10 %", 20, Duration.ofMinutes(90), List.of(
                    new Scenario.AnswerStep(Duration.ZERO, 0.4),
                    new Scenario.AnswerStep(Duration.ofMinutes(30), 0.3),
                    new Scenario.AnswerStep(Duration.ofMinutes(34), 0.2),
                    new Scenario.AnswerStep(Duration.ofMinutes(38), 0.1)),
            Distribution.logNormal(Duration.ofSeconds(90), 0.6));

    @Test
    void aShortSessionOfLongCallsKeepsTheLimitFromItsFirstMinutes() {
        for (long seed : List.of(1L, 2L, 3L)) {
            assertKeepsThePromise(SHORT_SESSION_LONG_CALLS, seed);
        }
    }

    @Test
    void aHighAnswerRateKeepsTheLimitOverTheSessionAndEveryCountedHour() {
        for (long seed : List.of(1L, 2L)) {
            RunFigures day = assertKeepsThePromise(HIGH_ANSWER_RATE, seed);

            assertThat(day.answered()).as("hours of at least 100 answers are held to the limit").isGreaterThan(400);
        }
    }

    @Test
    void aTinyTeamKeepsTheLimit() {
        for (long seed : List.of(1L, 2L)) {
            assertKeepsThePromise(TINY_TEAM, seed);
        }
    }

    @Test
    void aSuddenDropOfTheAnswerRateKeepsTheLimit() {
        for (long seed : List.of(1L, 2L)) {
            assertKeepsThePromise(SUDDEN_DROP, seed);
        }
    }

    /**
     * 100 agents, a strict 1 % limit, a 2 s maximum wait, 30 % answered, log-normal talks of 2 minutes:
     * hours of about 1,900 answers and 19 abandons allowed, where a burst of five in two minutes is luck.
     */
    static final Scenario STRICT_ONE_PERCENT = new Scenario("strict 1 %", 1, 100, 30_000, Duration.ofHours(3), 0.01,
            Duration.ofSeconds(2), 400, 3, Duration.ofMinutes(60), List.of(new Scenario.AnswerStep(Duration.ZERO, 0.3)),
            0.1, Duration.ofSeconds(25), Distribution.logNormal(RING, 0.4), Distribution.logNormal(Duration.ofSeconds(120), 0.7),
            Distribution.constant(Duration.ofSeconds(15)), Distribution.exponential(Duration.ofSeconds(30)));

    @Test
    void aStrictLimitHoldsInEveryClockHour() {
        // Before the hour's room was earned by its own answers, this day's hours ran 1.06–1.14 % (issue 15).
        for (long seed : List.of(3L, 4L, 9L)) {
            assertKeepsThePromise(STRICT_ONE_PERCENT, seed);
        }
    }

    /** Issue 6's 10-agent day of 3-minute talks, 35 % answered then 12 %: hours of about 130 answers. */
    static final Scenario TEN_AGENTS_FALLING = new Scenario("10 agents, 35 → 12 %, long talk", 7, 10, 6000,
            Duration.ofHours(8), 0.03, Duration.ofSeconds(15), 40, 3, Duration.ofMinutes(60),
            List.of(new Scenario.AnswerStep(Duration.ZERO, 0.35), new Scenario.AnswerStep(Duration.ofHours(4), 0.12)),
            0.1, Duration.ofSeconds(25), Distribution.logNormal(RING, 0.4),
            Distribution.logNormal(Duration.ofSeconds(180), 0.6),
            Distribution.uniform(Duration.ofSeconds(5), Duration.ofSeconds(20)),
            Distribution.exponential(Duration.ofSeconds(30)));

    @Test
    void hoursOfAFewAbandonsKeepTheLimitThoughAbandonsAreWhole() {
        // Seed 7 took an hour to 4 abandons of 131 answers (3.05 %) while its normal approximation allowed 1.5
        // expected; with the caps on the expected overflow alone, seeds 6, 8, 9, 25 and 38 ended an hour at 4
        // abandons (3.01–3.60 %): bursts of answers among 16–35 lines ringing for 3–4 free agents.
        for (long seed : List.of(6L, 7L, 8L, 9L, 25L, 38L)) {
            assertKeepsThePromise(TEN_AGENTS_FALLING, seed);
        }
    }

    /**
     * 163 agents, 58 minutes, a 1.5 % limit, a 2 s maximum wait, 77 % answered after 1–26 s, lognormal
     * talks of median 8 minutes and σ 1.06 (a mean of 14, a tail past an hour), no wrap-up, a list of
     * 702 customers (bench/scenarios/skewed-long-talks-163.json, found by bench/limits-fuzz.sh).
     */
    static final Scenario SKEWED_LONG_TALKS = new Scenario("skewed long talks", 1, 163, 702, Duration.ofMinutes(58), 0.015,
            Duration.ofSeconds(2), 541, 2, Duration.ofHours(1), List.of(new Scenario.AnswerStep(Duration.ZERO, 0.77)),
            0.13, Duration.ofSeconds(44), Distribution.uniform(Duration.ofMillis(1100), Duration.ofMillis(26_500)),
            Distribution.logNormal(Duration.ofMillis(489_400), 1.06), Distribution.constant(Duration.ZERO),
            Distribution.constant(Duration.ofSeconds(30)));

    @Test
    void talksLongerThanTheSessionHasSeenDoNotPassForAgentsFreeingSoon() {
        // Half an hour in, the talks that had ended were the short ones: the agents still talking were
        // expected to free within seconds (11 of 163) while none did, and 12–14 customers were abandoned
        // together on seeds 1 and 2 (2.2–2.5 % against 1.5 %). Counted with the agents still busy, none is.
        for (long seed : List.of(1L, 2L, 3L)) {
            assertKeepsThePromise(SKEWED_LONG_TALKS, seed);
        }
    }

    /**
     * 92 agents, one hour, a 4 % limit, a 2 s maximum wait, 65 % answered mostly within 1–10 s (lognormal,
     * median 4.2 s, σ 0.91), exponential talks of 32 s, 10.3 s of wrap-up: 7,500 answers, 300 abandons to
     * give (bench/scenarios/quick-answers-92.json, an hour of a day found by bench/limits-fuzz.sh).
     */
    static final Scenario QUICK_ANSWERS = new Scenario("quick answers", 1, 92, 30_000, Duration.ofHours(1), 0.04,
            Duration.ofSeconds(2), 356, 2, Duration.ofHours(1), List.of(new Scenario.AnswerStep(Duration.ZERO, 0.65)),
            0.22, Duration.ofSeconds(44), Distribution.logNormal(Duration.ofMillis(4200), 0.91),
            Distribution.exponential(Duration.ofSeconds(32)), Distribution.constant(Duration.ofMillis(10_300)),
            Distribution.constant(Duration.ofMillis(23_200)));

    /**
     * 28 agents, four hours, a 2 % limit, a 5 s wait, one dial in fourteen answered until the answer rate
     * climbs to 72 % within four minutes at 10:47, ten-minute talks, customers who hang up within a second
     * or two (bench/scenarios/answer-rate-rise-28.json, found by bench/limits-fuzz.sh).
     */
    static final Scenario ANSWER_RATE_RISE = new Scenario("answer rate rise", 1, 28, 13_704, Duration.ofHours(4), 0.02,
            Duration.ofSeconds(5), 98, 1, Duration.ofHours(1),
            List.of(new Scenario.AnswerStep(Duration.ZERO, 0.07), new Scenario.AnswerStep(Duration.ofSeconds(6420), 0.23),
                    new Scenario.AnswerStep(Duration.ofSeconds(6500), 0.39),
                    new Scenario.AnswerStep(Duration.ofSeconds(6580), 0.56),
                    new Scenario.AnswerStep(Duration.ofSeconds(6660), 0.72)),
            0.18, Duration.ofSeconds(46), Distribution.exponential(Duration.ofMillis(5800)),
            Distribution.exponential(Duration.ofMillis(685_200)), Distribution.logNormal(Duration.ofMillis(3700), 1.18),
            Distribution.logNormal(Duration.ofMillis(1200), 0.99), ZoneId.of("Europe/Berlin"));

    @Test
    void aRiseOfTheAnswerRateIsReadFromTheLastMinutesDials() {
        // The decaying rate read 7 % for minutes while the lines dialed for it were answered at 72 %: seeds 2
        // and 3 took the clock hour of the rise to 2.99 and 2.31 % of 2 %. The last minute's dials tell it.
        for (long seed : List.of(2L, 3L)) {
            assertKeepsThePromise(ANSWER_RATE_RISE, seed);
        }
    }

    @Test
    void aModelFarTooOptimisticIsStillHeldToTheAbandonsLeft() {
        // The model counts 50–90 times fewer customers without an agent than are abandoned here; with the
        // gain that scales the caps floored at 0.05, seeds 3 and 4 ended the hour at 296 of 7,349 and 298
        // of 7,376 (4.03 and 4.04 %).
        for (long seed : List.of(3L, 4L)) {
            assertKeepsThePromise(QUICK_ANSWERS, seed);
        }
    }

    /**
     * 322 agents, 75 minutes, a 2 % limit, 15 % answered falling to 9 % from minute 15 to 21, one dial in
     * four busy, every answer after exactly 25.6 s of ring, talks of 417–615 s, customers who hang up after
     * 8.8 s (bench/scenarios/constant-rings-322.json, the first 75 minutes of a day found by
     * bench/limits-fuzz.sh).
     */
    static final Scenario CONSTANT_RINGS = new Scenario("constant rings", 1, 322, 24_266, Duration.ofMinutes(75), 0.02,
            Duration.ofSeconds(30), 943, 2, Duration.ofMinutes(30),
            List.of(new Scenario.AnswerStep(Duration.ZERO, 0.15), new Scenario.AnswerStep(Duration.ofSeconds(900), 0.14),
                    new Scenario.AnswerStep(Duration.ofSeconds(1020), 0.12),
                    new Scenario.AnswerStep(Duration.ofSeconds(1140), 0.11),
                    new Scenario.AnswerStep(Duration.ofSeconds(1260), 0.09)),
            0.23, Duration.ofSeconds(54), Distribution.constant(Duration.ofMillis(25_600)),
            Distribution.uniform(Duration.ofMillis(417_400), Duration.ofMillis(615_400)),
            Distribution.exponential(Duration.ofMillis(8900)), Distribution.constant(Duration.ofMillis(8800)));

    @Test
    void callsStillRingingAfterTheBusyDialsEndedCountAsLikelierAnswersWhileTheRateMoves() {
        // Counted at the answer rate while it moved, the ~350 lines ringing looked like 30 answers for 41
        // agents where 39 were to come (the rate counts the busy dials, a quarter of them, long ended): 11–16
        // customers were abandoned within a minute, and the clock hour ended at 2.35 and 2.59 % of 2 % (seed 3:
        // 2.50 %).
        for (long seed : List.of(1L, 2L)) {
            assertKeepsThePromise(CONSTANT_RINGS, seed);
        }
    }

    /**
     * 122 agents, 90 minutes, a 3 % limit, a 2 s maximum wait, 79 % answered after a lognormal ring of median
     * 3.7 s, talks of exactly 766 s, no wrap-up, a list of 899 customers that runs out
     * (bench/scenarios/constant-talks-122.json, found by bench/limits-fuzz.sh).
     */
    static final Scenario CONSTANT_TALKS = new Scenario("constant talks", 2, 122, 899, Duration.ofMinutes(90), 0.03,
            Duration.ofSeconds(2), 296, 3, Duration.ofMinutes(30), List.of(new Scenario.AnswerStep(Duration.ZERO, 0.79)),
            0.11, Duration.ofSeconds(34), Distribution.logNormal(Duration.ofMillis(3700), 0.78),
            Distribution.constant(Duration.ofSeconds(766)), Distribution.constant(Duration.ZERO),
            Distribution.constant(Duration.ofMillis(53_200)));

    @Test
    void eachCallIsCountedAgainstTheAgentsFreeByItsOwnAnswer() {
        // The agents who started together end together, 5-6 s after a dial: within the mean ring and the wait,
        // so one horizon for every call counted them, while the answers came 2-4 s after the dial and waited
        // 2 s. Seed 2 took an hour to 3.96 % of 3 %, in two bursts of seconds.
        for (long seed : List.of(1L, 2L, 3L)) {
            assertKeepsThePromise(CONSTANT_TALKS, seed);
        }
    }

    /**
     * 340 agents, 30 minutes, a 1 % limit, a 15 s maximum wait, 79 % answered after exponential rings of mean
     * 5.3 s, talks of exactly 391 s, wrap-ups of exactly 17.2 s, customers who hang up after 0.6-2.2 s
     * (bench/scenarios/cohort-freeings-340.json, #105 of bench/limits-fuzz.sh's generator seed 20).
     */
    static final Scenario COHORT_FREEINGS = new Scenario("cohorts freeing together, 340 agents", 1, 340, 3107,
            Duration.ofMinutes(30), 0.01, Duration.ofSeconds(15), 878, 1, Duration.ofMinutes(120),
            List.of(new Scenario.AnswerStep(Duration.ZERO, 0.79)), 0.04, Duration.ofSeconds(29),
            Distribution.exponential(Duration.ofMillis(5_300)), Distribution.constant(Duration.ofSeconds(391)),
            Distribution.constant(Duration.ofMillis(17_200)),
            Distribution.uniform(Duration.ofMillis(600), Duration.ofMillis(2_200)));

    @Test
    void theSoonerHalfOfTheAnswersIsCountedOnlyAgainstTheAgentsFreeInTimeForIt() {
        // The agents free together every 408 s. Once the durations knew it, the third cohort was dialed for
        // before any of it was free: the two horizons' agents averaged, half the cohort was counted for answers
        // that came 1-5 s before it freed and hung up within 2.2 s. Before: 24 abandoned in one burst, days of
        // 1.40-1.51 % of 1 %.
        for (long seed : List.of(1L, 2L, 3L)) {
            assertKeepsThePromise(COHORT_FREEINGS, seed);
        }
    }

    /**
     * 44 agents, 90 minutes, a 1.5 % limit, a 20 s maximum wait, 12 % answered climbing to 66 % in four steps
     * two minutes apart from minute 29, one dial in four busy, rings of exactly 20.1 s, talks of exactly
     * 85.8 s, customers who hang up within 1.7-2.3 s (bench/scenarios/answer-rate-ramp-44.json, found by
     * bench/limits-fuzz.sh).
     */
    static final Scenario ANSWER_RATE_RAMP = new Scenario("answer rate ramp", 3, 44, 20_992, Duration.ofMinutes(90),
            0.015, Duration.ofSeconds(20), 151, 1, Duration.ofMinutes(30),
            List.of(new Scenario.AnswerStep(Duration.ZERO, 0.12), new Scenario.AnswerStep(Duration.ofSeconds(1740), 0.26),
                    new Scenario.AnswerStep(Duration.ofSeconds(1860), 0.39),
                    new Scenario.AnswerStep(Duration.ofSeconds(1980), 0.53),
                    new Scenario.AnswerStep(Duration.ofSeconds(2100), 0.66)),
            0.24, Duration.ofSeconds(35), Distribution.constant(Duration.ofMillis(20_100)),
            Distribution.constant(Duration.ofMillis(85_800)), Distribution.logNormal(Duration.ofMillis(33_200), 0.89),
            Distribution.uniform(Duration.ofMillis(1700), Duration.ofMillis(2300)));

    @Test
    void aRiseReadIsHeldUntilTheCompleteMinutesReadItGone() {
        // Main took seed 3's hour of the ramp to 1.57 % of 1.5 %. Counting calls by their own answer moved
        // seed 1 to 35 abandons (2.44 %): the rise read fell back within the noise for a round, the rate
        // snapped back from 42 to the stale 14 %, and 74 lines dialed in that round were answered at 45 %.
        for (long seed : List.of(1L, 2L, 3L)) {
            assertKeepsThePromise(ANSWER_RATE_RAMP, seed);
        }
    }

    /**
     * 147 agents, 45 minutes, a 1.5 % limit, a 2 s maximum wait, 6 % answered stepping to 69 % at 7.5 minutes
     * (then 36, 61, 19 and 44 %), one dial in five busy, rings of exactly 7.1 s, no-answers after 50 s
     * (bench/scenarios/answer-rate-step-147.json, found by bench/limits-fuzz.sh).
     */
    static final Scenario ANSWER_RATE_STEP = new Scenario("answer rate step", 1, 147, 61_523, Duration.ofMinutes(45),
            0.015, Duration.ofSeconds(2), 342, 2, Duration.ofMinutes(30),
            List.of(new Scenario.AnswerStep(Duration.ZERO, 0.06), new Scenario.AnswerStep(Duration.ofSeconds(450), 0.69),
                    new Scenario.AnswerStep(Duration.ofSeconds(900), 0.36),
                    new Scenario.AnswerStep(Duration.ofSeconds(1350), 0.61),
                    new Scenario.AnswerStep(Duration.ofSeconds(1800), 0.19),
                    new Scenario.AnswerStep(Duration.ofSeconds(2250), 0.44)),
            0.19, Duration.ofSeconds(50), Distribution.constant(Duration.ofMillis(7100)),
            Distribution.logNormal(Duration.ofMillis(53_800), 0.84), Distribution.logNormal(Duration.ofMillis(3400), 0.56),
            Distribution.logNormal(Duration.ofMillis(13_100), 1.07));

    @Test
    void aStepOfTheAnswerRateIsReadFromTheLastSecondsUndiluted() {
        // The dials of the first 8 s after 6 -> 69 % were answered by 09:07:45; the minute they were read in
        // said 10 %, and the lines dialed for it over the next 4 s brought 100 customers without an agent
        // (3.52 % of 1.5 % on main). The last 15 s of dials say 69 %.
        assertKeepsThePromise(ANSWER_RATE_STEP, 1);
    }

    /**
     * 2 agents, six hours, a 1.5 % limit, a 1 s maximum wait, 59 % answered falling to 24 % from minute 119,
     * one dial in five busy, rings of 4.7-33.7 s, lognormal talks of median 2 minutes, four lines
     * (bench/scenarios/two-agents-falling-2.json, found by bench/limits-fuzz.sh).
     */
    static final Scenario TWO_AGENTS_FALLING = new Scenario("two agents, answer rate falling", 2, 2, 550,
            Duration.ofMinutes(360), 0.015, Duration.ofSeconds(1), 4, 3, Duration.ofMinutes(60),
            List.of(new Scenario.AnswerStep(Duration.ZERO, 0.59), new Scenario.AnswerStep(Duration.ofSeconds(7140), 0.5),
                    new Scenario.AnswerStep(Duration.ofSeconds(7260), 0.42),
                    new Scenario.AnswerStep(Duration.ofSeconds(7380), 0.33),
                    new Scenario.AnswerStep(Duration.ofSeconds(7500), 0.24)),
            0.18, Duration.ofSeconds(49), Distribution.uniform(Duration.ofMillis(4700), Duration.ofMillis(33_700)),
            Distribution.logNormal(Duration.ofMillis(119_800), 1.11),
            Distribution.uniform(Duration.ofMillis(5900), Duration.ofMillis(53_300)),
            Distribution.exponential(Duration.ofMillis(18_700)));

    @Test
    void aRateReadFromAFewDialsIsCountedAtTheMostItMayBe() {
        // Seed 2 of main: a run of no-answers among the last twenty dials read 5.6 % where a person answered
        // one in four; with one abandon left in the day, four lines rang for the two agents and two customers
        // were abandoned (2 of 130, 1.54 % of 1.5 %).
        for (long seed : List.of(1L, 2L, 3L)) {
            assertKeepsThePromise(TWO_AGENTS_FALLING, seed);
        }
    }

    /**
     * 251 agents, two hours, a 2 % limit, a 15 s maximum wait, 42 % answered falling to 14 % in its last
     * 25 minutes, rings of 16.7–29.3 s, exponential talks of 373 s, wrap-ups of 35.1–52.5 s, customers who
     * hang up after 3.7 s (bench/scenarios/long-wrap-ups-251.json, found by bench/limits-fuzz.sh).
     */
    static final Scenario LONG_WRAP_UPS = new Scenario("long wrap-ups", 1, 251, 18_143, Duration.ofMinutes(120), 0.02,
            Duration.ofSeconds(15), 590, 1, Duration.ofMinutes(120),
            List.of(new Scenario.AnswerStep(Duration.ZERO, 0.42), new Scenario.AnswerStep(Duration.ofSeconds(5280), 0.35),
                    new Scenario.AnswerStep(Duration.ofSeconds(5380), 0.28),
                    new Scenario.AnswerStep(Duration.ofSeconds(5480), 0.21),
                    new Scenario.AnswerStep(Duration.ofSeconds(5580), 0.14)),
            0.08, Duration.ofSeconds(49), Distribution.uniform(Duration.ofMillis(16_700), Duration.ofMillis(29_300)),
            Distribution.exponential(Duration.ofMillis(373_300)),
            Distribution.uniform(Duration.ofMillis(35_100), Duration.ofMillis(52_500)),
            Distribution.constant(Duration.ofMillis(3700)));

    /**
     * 42 agents in Kolkata, 90 minutes, a 4 % limit, a 1 s maximum wait, 73 % answered after rings of a
     * median 26.9 s, exponential talks of 97 s, wrap-ups of 33.9–72.1 s (bench/scenarios/long-wrap-ups-42.json,
     * #144 of bench/limits-fuzz.sh's generator seed 5).
     */
    static final Scenario LONG_WRAP_UPS_SMALL_TEAM = new Scenario("long wrap-ups, 42 agents", 1, 42, 1437,
            Duration.ofMinutes(90), 0.04, Duration.ofSeconds(1), 150, 3, Duration.ofMinutes(60),
            List.of(new Scenario.AnswerStep(Duration.ZERO, 0.73)), 0.17, Duration.ofSeconds(41),
            Distribution.logNormal(Duration.ofMillis(26_900), 0.33), Distribution.exponential(Duration.ofMillis(96_800)),
            Distribution.uniform(Duration.ofMillis(33_900), Duration.ofMillis(72_100)),
            Distribution.uniform(Duration.ofMillis(48_600), Duration.ofMillis(50_800)), ZoneId.of("Asia/Kolkata"));

    @Test
    void anAgentStillTalkingIsNotCountedFreeBeforeTheWrapUpAheadOfThemCouldEnd() {
        // Counted by the times from connection to free alone, the talking agents were expected to free within
        // the 27 s horizon (9–13 a round of 251) where none could: their wrap-ups of 35 s and more were all
        // ahead. Main took the 251 agents' day to 81, 80 and 76 abandons of about 4,200 answers (an hour at
        // 2.02 % of 2 %), and the 42 agents' seed 1 to 38 of 1,107 (an hour at 4.08 % of 4 %).
        for (long seed : List.of(1L, 2L, 3L)) {
            RunFigures day = assertKeepsThePromise(LONG_WRAP_UPS, seed);

            assertThat(day.abandonRate()).as("seed %d", seed).isLessThan(0.01);
        }
        assertKeepsThePromise(LONG_WRAP_UPS_SMALL_TEAM, 1);
    }

    /**
     * 226 agents, an hour, a 3 % limit, a 3 s maximum wait, the answer rate stepping every ten minutes
     * 77 → 64 → 21 → 77 → 18 → 77 %, rings of 10.7–30.5 s, talks of exactly 114.9 s and no wrap-up, so the
     * agents free in waves (bench/scenarios/answer-rate-rises-226.json, #81 of bench/limits-fuzz.sh's generator
     * seed 4).
     */
    static final Scenario RISES_IN_WAVES = new Scenario("answer rate rising after waves of dials", 1, 226, 27_394,
            Duration.ofMinutes(60), 0.03, Duration.ofSeconds(3), 843, 3, Duration.ofMinutes(30),
            List.of(new Scenario.AnswerStep(Duration.ZERO, 0.77), new Scenario.AnswerStep(Duration.ofMinutes(10), 0.64),
                    new Scenario.AnswerStep(Duration.ofMinutes(20), 0.21),
                    new Scenario.AnswerStep(Duration.ofMinutes(30), 0.77),
                    new Scenario.AnswerStep(Duration.ofMinutes(40), 0.18),
                    new Scenario.AnswerStep(Duration.ofMinutes(50), 0.77)),
            0.13, Duration.ofSeconds(50), Distribution.uniform(Duration.ofMillis(10_700), Duration.ofMillis(30_500)),
            Distribution.constant(Duration.ofMillis(114_900)), Distribution.constant(Duration.ZERO),
            Distribution.uniform(Duration.ofMillis(7500), Duration.ofMillis(14_300)));

    /**
     * 276 agents, 45 minutes, a 1.5 % limit, a 2 s maximum wait, 24 % answered, stepping to 82 % at 7.5
     * minutes; rings of 12.3–18.5 s, customers who hang up after a median 1.6 s
     * (bench/scenarios/answer-rate-step-276.json, #85 of bench/limits-fuzz.sh's generator seed 1).
     */
    static final Scenario EARLY_STEP_UP = new Scenario("answer rate stepping up early", 1, 276, 32_223,
            Duration.ofMinutes(45), 0.015, Duration.ofSeconds(2), 764, 1, Duration.ofMinutes(120),
            List.of(new Scenario.AnswerStep(Duration.ZERO, 0.24),
                    new Scenario.AnswerStep(Duration.ofSeconds(450), 0.82),
                    new Scenario.AnswerStep(Duration.ofSeconds(900), 0.77),
                    new Scenario.AnswerStep(Duration.ofSeconds(1350), 0.81),
                    new Scenario.AnswerStep(Duration.ofSeconds(1800), 0.44),
                    new Scenario.AnswerStep(Duration.ofSeconds(2250), 0.45)),
            0.01, Duration.ofSeconds(42), Distribution.uniform(Duration.ofMillis(12_300), Duration.ofMillis(18_500)),
            Distribution.logNormal(Duration.ofMillis(93_900), 0.88), Distribution.exponential(Duration.ofMillis(4900)),
            Distribution.logNormal(Duration.ofMillis(1600), 0.25));

    @Test
    void aWaveOfDialsAtALowAnswerRateIsSpreadSoARiseAmongThemKeepsTheLimit() {
        // Without the growth cap, free agents piled up at 24 % were dialed for in one ring time (293 dials in 15 s
        // against about 120 on the team's pace) just after the rate stepped to 82 %: 145 customers abandoned
        // within 12 s, 3.27 % on both seeds. And agents freed together by talks of one length were dialed for
        // at 18 % in one ring time (about 400 dials in 20 s against 175) as the rate stepped back to 77 %: 3.22
        // and 4.75 %.
        for (long seed : List.of(2L, 3L)) {
            assertKeepsThePromise(EARLY_STEP_UP, seed);
        }
        for (long seed : List.of(1L, 2L)) {
            assertKeepsThePromise(RISES_IN_WAVES, seed);
        }
    }

    /**
     * 20 agents, 3 hours, a 3 % limit, a 2 s maximum wait, 43 → 89 → 8 → 43 % answered (a step every 45
     * minutes), rings of exactly 22.9 s, talks of a median 15.3 s and wrap-ups of a median 34.1 s
     * (bench/scenarios/answer-rate-steps-20.json, #150 of bench/limits-fuzz.sh's generator seed 1).
     */
    static final Scenario SMALL_TEAM_STEPS = new Scenario("a small team's answer rate stepping", 2, 20, 42_980,
            Duration.ofMinutes(180), 0.03, Duration.ofSeconds(2), 116, 1, Duration.ofMinutes(60),
            List.of(new Scenario.AnswerStep(Duration.ZERO, 0.43), new Scenario.AnswerStep(Duration.ofMinutes(45), 0.89),
                    new Scenario.AnswerStep(Duration.ofMinutes(90), 0.08),
                    new Scenario.AnswerStep(Duration.ofMinutes(135), 0.43)),
            0, Duration.ofSeconds(57), Distribution.constant(Duration.ofMillis(22_900)),
            Distribution.logNormal(Duration.ofMillis(15_300), 0.98), Distribution.logNormal(Duration.ofMillis(34_100), 0.98),
            Distribution.exponential(Duration.ofMillis(10_500)));

    @Test
    void aSmallTeamsLinesInFlightAreLeftToTheBurstGuard() {
        // Capped like a large team's, this team's dials were held a few rounds in the fall from 89 to 8 % (27 rounds,
        // 118 dials on seed 2), so none went out in the first seconds of the step back to 43 % whose answers
        // would have read the rise; the 76 lines placed at 8.7 % just after it brought an hour of 5.25 % on seed 2
        // and 3.44 % on seed 3.
        for (long seed : List.of(2L, 3L)) {
            assertKeepsThePromise(SMALL_TEAM_STEPS, seed);
        }
    }

    /**
     * A steady day of a large team at a strict limit: 332 agents in New York, three hours, 1 %, a 3 s maximum
     * wait, 83 % answered after rings of exactly 26.1 s, exponential talks of 108 s, wrap-ups of 14.4–31.2 s,
     * a list that runs out in the third hour (bench/scenarios/steady-constant-rings-332.json, #9 of
     * bench/limits-fuzz.sh's generator seed 6).
     */
    static final Scenario STEADY_CONSTANT_RINGS = new Scenario("steady, constant rings, 332 agents", 1, 332, 22_713,
            Duration.ofMinutes(180), 0.01, Duration.ofSeconds(3), 508, 3, Duration.ofMinutes(30),
            List.of(new Scenario.AnswerStep(Duration.ZERO, 0.83)), 0.06, Duration.ofSeconds(53),
            Distribution.constant(Duration.ofMillis(26_100)), Distribution.exponential(Duration.ofMillis(107_600)),
            Distribution.uniform(Duration.ofMillis(14_400), Duration.ofMillis(31_200)),
            Distribution.uniform(Duration.ofMillis(1_900), Duration.ofMillis(22_100)), ZoneId.of("America/New_York"));

    @Test
    void theBurstsTailCountsOnTheAgentsForeseenFreeAsFarAsTheyFreed() {
        // The durations foresaw 1.6 times the agents who freed within the horizon (a talking agent counted as
        // one whose wrap-up may be nearly over), and the gain on its floor could not make up for it: each time
        // the hour earned room for one more abandon, one round dialed ~40 lines, all answered 26.1 s later in
        // the same second, and 11-21 customers were abandoned. Main's hours: 1.02, 1.10 and 1.07 % of 1 %.
        for (long seed : List.of(1L, 2L, 3L)) {
            assertKeepsThePromise(STEADY_CONSTANT_RINGS, seed);
        }
    }

    @Test
    void theDurationsFirstForecastsAreTakenInOverAHorizon() {
        // Until the durations are trusted the rounds foresee no agent free; the round they are, 73.5 agents were
        // foreseen free within the horizon at once, that one round dialed 77 lines, about 60 agents freed in time
        // and 13 customers were abandoned in a second. Before: the first hour at 1.02 % (seed 4) and 1.006 %
        // (seed 7) of 1 %.
        for (long seed : List.of(4L, 7L)) {
            assertKeepsThePromise(STEADY_CONSTANT_RINGS, seed);
        }
    }

    /**
     * 221 agents, 90 minutes, a 5 % limit, a 20 s maximum wait, 39 % answered falling to 21 % from the 12th to the
     * 19th minute, 21 % busy, rings of exactly 17 s (no answer after 24 s), exponential talks of 100.3 s, wrap-ups of
     * median 7.9 s, patience of 8.8 s on average (bench/scenarios/session-ending-mid-hour-221.json, #96 of
     * bench/limits-fuzz.sh's generator seed 14).
     */
    static final Scenario SESSION_ENDING_MID_HOUR = new Scenario("a session ending mid-hour, 221 agents", 1, 221, 37143,
            Duration.ofMinutes(90), 0.05, Duration.ofSeconds(20), 741, 3, Duration.ofMinutes(30),
            List.of(new Scenario.AnswerStep(Duration.ZERO, 0.39), new Scenario.AnswerStep(Duration.ofSeconds(720), 0.35),
                    new Scenario.AnswerStep(Duration.ofSeconds(860), 0.3), new Scenario.AnswerStep(Duration.ofSeconds(1000), 0.26),
                    new Scenario.AnswerStep(Duration.ofSeconds(1140), 0.21)),
            0.21, Duration.ofSeconds(24), Distribution.constant(Duration.ofSeconds(17)),
            Distribution.exponential(Duration.ofMillis(100_300)), Distribution.logNormal(Duration.ofMillis(7_900), 0.26),
            Distribution.exponential(Duration.ofMillis(8_800)));

    @Test
    void anHourTheSessionEndsInCountsOnlyTheAnswersBeforeTheEnd() {
        // The session's second clock hour is its last 30 minutes. Its forecast counted the answers of a whole hour,
        // as if the session went on, so its last minutes ran at a rate a full hour could pay back: 183 abandoned of
        // 3,658 answered, 5.003 % of 5 %. The campaign's window now ends with the session, and the forecast there.
        assertKeepsThePromise(SESSION_ENDING_MID_HOUR, 3);
    }

    /**
     * 338 agents, 30 minutes, a 3 % limit, a 2 s maximum wait, a steady 79 % answered after rings of exactly 17.6 s,
     * 5 % busy, exponential talks of 128.7 s, wrap-ups of 3.8-38.8 s, patience lognormal of median 18.1 s
     * (bench/scenarios/steady-constant-rings-short-338.json, #44 of bench/limits-fuzz.sh's generator seed 8).
     */
    static final Scenario SHORT_STEADY_CONSTANT_RINGS = new Scenario("a short steady day, constant rings, 338 agents", 1,
            338, 7568, Duration.ofMinutes(30), 0.03, Duration.ofSeconds(2), 1490, 1, Duration.ofMinutes(30),
            List.of(new Scenario.AnswerStep(Duration.ZERO, 0.79)), 0.05, Duration.ofSeconds(23),
            Distribution.constant(Duration.ofMillis(17_600)), Distribution.exponential(Duration.ofMillis(128_700)),
            Distribution.uniform(Duration.ofMillis(3_800), Duration.ofMillis(38_800)),
            Distribution.logNormal(Duration.ofMillis(18_100), 0.34), ZoneId.of("America/New_York"));

    @Test
    void theBurstsTailCountsOnTheAgentsWhoFreedOnceABurstPassedTheRoom() {
        // The durations foresaw about twice the agents who freed, and the gain (0.6 → 0.25 over the day, a large
        // team's learning) could not make up for it in 30 minutes: each round after the room earned one more
        // abandon dialed ~45 lines, all answered in the same second, and 10-20 customers were abandoned each
        // time. The days before: 3.25, 3.04 and 3.22 % of 3 %.
        for (long seed : List.of(1L, 2L, 3L)) {
            assertKeepsThePromise(SHORT_STEADY_CONSTANT_RINGS, seed);
        }
    }

    /**
     * 44 agents in Berlin, four hours, a 1 % limit, a 2 s maximum wait, a steady 62 % answered, 10 % busy, rings
     * of exactly 27.5 s, talks of exactly 25.1 s, wrap-ups of exactly 38.8 s, patience of 8.9-36.3 s
     * (bench/scenarios/steady-constant-rings-wrap-ups-44.json, #146 of bench/limits-fuzz.sh's generator seed 15).
     */
    static final Scenario STEADY_CONSTANT_RINGS_AND_WRAP_UPS = new Scenario(
            "steady, constant rings, talks and wrap-ups, 44 agents", 1, 44, 9118, Duration.ofMinutes(240), 0.01,
            Duration.ofSeconds(2), 90, 3, Duration.ofMinutes(120), List.of(new Scenario.AnswerStep(Duration.ZERO, 0.62)),
            0.1, Duration.ofSeconds(33), Distribution.constant(Duration.ofMillis(27_500)),
            Distribution.constant(Duration.ofMillis(25_100)), Distribution.constant(Duration.ofMillis(38_800)),
            Distribution.uniform(Duration.ofMillis(8_900), Duration.ofMillis(36_300)), ZoneId.of("Europe/Berlin"));

    @Test
    void theBurstsTailCountsTheCallsWhoseAnswersAreDueAtTheInstantOfTheRound() {
        // A round run at the instant a round's answers came took the calls of it still ringing for calls past every
        // answer's ring, with no chance left: 26 of them counted as none, 28 lines dialed for 15 agents free and 8
        // freeing, and 18 customers abandoned at once. Before: seed 1 73 abandoned of 7,039 (1.04 %, an hour at
        // 1.18 %), seed 2 an hour at 1.18 %.
        for (long seed : List.of(1L, 2L)) {
            assertKeepsThePromise(STEADY_CONSTANT_RINGS_AND_WRAP_UPS, seed);
        }
    }

    /**
     * 68 agents, 90 minutes, a 3 % limit, a 15 s maximum wait, 7 → 6 → 45 → 72 % answered (a step every 22.5
     * minutes), 18 % busy, rings of a mean 15.2 s, talks of a median 307 s, no wrap-up, patience of 8-11.6 s
     * (bench/scenarios/answer-rate-steps-68.json, #19 of bench/limits-fuzz.sh's generator seed 7).
     */
    static final Scenario MID_TEAM_STEPS = new Scenario("a 68-agent team's answer rate stepping up", 1, 68, 8513,
            Duration.ofMinutes(90), 0.03, Duration.ofSeconds(15), 372, 3, Duration.ofMinutes(60),
            List.of(new Scenario.AnswerStep(Duration.ZERO, 0.07), new Scenario.AnswerStep(Duration.ofSeconds(1350), 0.06),
                    new Scenario.AnswerStep(Duration.ofSeconds(2700), 0.45),
                    new Scenario.AnswerStep(Duration.ofSeconds(4050), 0.72)),
            0.18, Duration.ofSeconds(47), Distribution.exponential(Duration.ofMillis(15_200)),
            Distribution.logNormal(Duration.ofMillis(307_300), 1.13), Distribution.constant(Duration.ZERO),
            Distribution.uniform(Duration.ofMillis(8_000), Duration.ofMillis(11_600)));

    @Test
    void aTeamOfSixtyOrMoreHasItsBlindDialsCapped() {
        // Left to the burst guard (the cap from 100 agents only), the steps up from 6 to 45 and 72 % cost seed 1
        // 22 abandoned of 655 (3.36 %) and an hour of 4.78 %.
        assertKeepsThePromise(MID_TEAM_STEPS, 1);
    }

    @Test
    void theSafeStartStillBeatsProgressiveOnLongCalls() {
        RunFigures predictive = ScenarioRunner.run(SHORT_SESSION_LONG_CALLS, "predictive", 1);
        RunFigures progressive = ScenarioRunner.run(SHORT_SESSION_LONG_CALLS, "progressive", 1);

        assertThat(predictive.occupancy()).isGreaterThan(progressive.occupancy());
    }

    private static RunFigures assertKeepsThePromise(Scenario scenario, long seed) {
        RunFigures day = ScenarioRunner.run(scenario, "predictive", seed);
        String what = String.format("%s, seed %d: %d abandoned of %d answered", scenario.name(), seed, day.abandoned(),
                day.answered());

        assertThat(day.abandonRate()).as(what).isLessThanOrEqualTo(scenario.maxAbandonRate());
        assertThat(day.maxCountedHourlyAbandonRate()).as(what + ", worst hour of 100 answers or more")
                .isLessThanOrEqualTo(scenario.maxAbandonRate());
        assertThat(day.violations()).as(what).isZero();
        return day;
    }

    private static Scenario session(String name, int agents, Duration length, List<Scenario.AnswerStep> answers,
                                    Distribution talk) {
        return new Scenario(name, 1, agents, agents * 300, length, 0.03, Duration.ofSeconds(15), agents * 4, 3,
                Duration.ofMinutes(60), answers, 0.1, Duration.ofSeconds(25), Distribution.logNormal(RING, 0.4), talk,
                Distribution.uniform(Duration.ofSeconds(5), Duration.ofSeconds(20)),
                Distribution.exponential(Duration.ofSeconds(30)));
    }
}
