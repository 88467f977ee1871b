package dev.outdial.engine.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.CallRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PacingObservationsTest {

    static final Instant NINE = Instant.parse("2025-03-03T09:00:00Z");
    /** The campaign's maximum wait, which the answers of a dial take at most to be known. */
    static final Duration WAIT = Duration.ofSeconds(15);

    /** One dial every 2 s for {@code seconds}, each answered by a person with {@code answerRate}. */
    static Instant dial(PacingObservations observations, Random random, Instant from, int seconds, double answerRate) {
        return dial(observations, random, from, seconds, answerRate, 2);
    }

    /** One dial every {@code every} seconds for {@code seconds}, each answered by a person with {@code answerRate}. */
    static Instant dial(PacingObservations observations, Random random, Instant from, int seconds, double answerRate,
                        int every) {
        Instant at = from;
        for (int i = 0; i < seconds / every; i++) {
            at = at.plusSeconds(every);
            boolean answered = random.nextDouble() < answerRate;
            observations.observe(new CallRecord(new CallId("c" + at.toEpochMilli()), 1, 1, 1, "0900000000", "1900",
                    Optional.empty(), at.minusSeconds(10), at.minusSeconds(10), Optional.of(at.minusSeconds(8)),
                    answered ? Optional.of(at.minusSeconds(2)) : Optional.empty(), Optional.empty(), Optional.of(at),
                    Optional.of(answered ? CallResult.SUCCESS : CallResult.NOANSWER), Optional.empty(),
                    Optional.empty()));
        }
        return at;
    }

    @Test
    void anAnswerRateSteadyForAnHourIsSteady() {
        PacingObservations observations = new PacingObservations();

        Instant now = dial(observations, new Random(7), NINE, 7200, 0.30);

        assertThat(observations.answerRateSteadiness(now, 10)).isGreaterThan(0.5);
    }

    @Test
    void tooFewAnswersAreNotYetSteady() {
        PacingObservations observations = new PacingObservations();

        Instant now = dial(observations, new Random(7), NINE, 600, 0.30);

        assertThat(observations.answerRateSteadiness(now, 10)).isZero();
    }

    @Test
    void anAnswerRateThatFallsIsNotSteadyAndEarnsItBackOnlyWithNewAnswers() {
        PacingObservations observations = new PacingObservations();
        Random random = new Random(7);
        Instant noon = dial(observations, random, NINE, 3 * 3600, 0.35);

        Instant afterDrop = dial(observations, random, noon, 600, 0.12);

        assertThat(observations.answerRateSteadiness(afterDrop, 10)).as("ten minutes after 35 %% fell to 12 %%").isZero();
        Instant aLittleLater = dial(observations, random, afterDrop, 600, 0.12);
        assertThat(observations.answerRateSteadiness(aLittleLater, 10)).as("too few answers since the drift").isZero();
    }

    @Test
    void beforeAnyOutcomeEveryDialCountsAsAnsweredAsProgressiveWould() {
        assertThat(new PacingObservations().answerRate(NINE, WAIT)).isEqualTo(1.0);
    }

    @Test
    void quickOutcomesDoNotPassForTheAnswerRateWhileLongCallsAreStillRinging() {
        PacingObservations observations = new PacingObservations();
        // 50 dials at nine; ten are busy within a second, the others still ring or talk.
        for (int i = 0; i < 10; i++) {
            observations.observe(ended(NINE, NINE.plusSeconds(1), false));
        }

        assertThat(observations.answerRate(NINE.plusSeconds(5), WAIT)).as("nothing of the cohort is known yet").isEqualTo(1.0);
        for (int i = 0; i < 40; i++) {
            observations.observe(ended(NINE, NINE.plusSeconds(20), true));
        }
        assertThat(observations.answerRate(NINE.plusSeconds(40), WAIT)).as("the whole cohort: 40 of 50 answered")
                .isCloseTo((40 + 10.0) / (50 + 10), org.assertj.core.api.Assertions.within(0.01));
    }

    @Test
    void afterAPauseTheAnswerRateLeansBackOnTheSafePrior() {
        PacingObservations observations = new PacingObservations();
        Instant now = dial(observations, new Random(7), NINE, 3600, 0.2);
        double learnt = observations.answerRate(now.plusSeconds(60), WAIT);

        observations.restart(now.plusSeconds(3600));

        assertThat(observations.answerRate(now.plusSeconds(3600), WAIT)).isGreaterThan(learnt + 0.3);
    }

    @Test
    void aSmallTeamsFewDialsLearnTheAnswerRateOnceThePriorHasFaded() {
        // An 8-agent team dials about once every 8 s: five minutes hold some 40 dials, and a prior of
        // 10 dials that never faded kept the answer rate near 1 in 3 all day when 1 in 5 answered.
        PacingObservations observations = new PacingObservations();

        Instant now = dial(observations, new Random(7), NINE, 3600, 0.2, 8);

        assertThat(observations.answerRate(now, WAIT)).isCloseTo(0.2, org.assertj.core.api.Assertions.within(0.06));
    }

    @Test
    void anAgentStillTalkingIsNotCountedFreeBeforeTheWrapUpAheadOfThemCouldEnd() {
        // Given 100 agents on exponential talks of 5 minutes, each followed by a wrap-up of 35-52 s, for two hours
        PacingObservations observations = new PacingObservations();
        TeamWithLongWrapUps team = new TeamWithLongWrapUps(observations, new Random(11), NINE.getEpochSecond());
        double expected = 0;
        long freedInTime = 0;
        for (long now = team.start; now < team.start + 7200; now++) {
            team.secondPassed(now);
            if (now >= team.start + 3600 && now % 10 == 0) {
                // When, every 10 s of the second hour, the agents free within 27 s are counted
                observations.freeingWithin(team.agents, Instant.ofEpochSecond(now), new long[] {27_000, 0, 0}, 1);
                expected += observations.freeing(0).mean();
                freedInTime += team.freeingAfter(now, 27);
            }
        }

        // Then they are about those who did free: no agent still talking could, with 35 s or more of wrap-up ahead.
        // Counted by the times from connection to free alone, the talking agents made it 1.8 times as many.
        assertThat(expected).isCloseTo(freedInTime, withinPercentage(15));
    }

    @Test
    void theShareOfTheAgentsForeseenFreeCountsOnlyTheForecastsTheDurationsMade() {
        // Given 100 agents on exponential talks of 5 minutes and wrap-ups of 35-52 s, asked every second from the
        // start for the agents free within 45 s: none are foreseen until 200 durations are seen (about 11 minutes)
        PacingObservations observations = new PacingObservations();
        TeamWithLongWrapUps team = new TeamWithLongWrapUps(observations, new Random(13), NINE.getEpochSecond());
        double foreseen = 0;
        long freedInTime = 0;
        long end = team.start + 20 * 60;
        for (long now = team.start; now <= end; now++) {
            team.secondPassed(now);
            observations.freeingWithin(team.agents, Instant.ofEpochSecond(now), new long[] {45_000, 0, 0}, 1);
            double mean = observations.freeing(0).mean();
            if (mean > 0 && now + 45 <= end) {
                foreseen += mean;
                freedInTime += team.freeingAfter(now, 45);
            }
        }

        // Then the share is that of the forecasts made (about 0.5: a talking agent is counted as if its wrap-up
        // might be nearly over): the agents who freed while none was foreseen lifted it to 1.
        double share = freedInTime / foreseen;
        assertThat(share).isLessThan(0.8);
        assertThat(observations.freeingRealisedShare(Instant.ofEpochSecond(end))).isCloseTo(share, withinPercentage(20));
    }

    @Test
    void theForecastsOfAgentsFreeingAreEarnedOverAHorizonFromTheRoundTheDurationsAreTrusted() {
        // Given 100 agents on exponential talks of 5 minutes and wrap-ups of 35-52 s, asked every second from the
        // start for the agents free within 45 s
        PacingObservations observations = new PacingObservations();
        TeamWithLongWrapUps team = new TeamWithLongWrapUps(observations, new Random(13), NINE.getEpochSecond());
        Duration horizon = Duration.ofSeconds(30);
        long trusted = 0;
        for (long now = team.start; now < team.start + 30 * 60 && trusted == 0; now++) {
            team.secondPassed(now);
            observations.freeingWithin(team.agents, Instant.ofEpochSecond(now), new long[] {45_000, 0, 0}, 1);
            if (observations.freeing(0).mean() > 0) {
                trusted = now;
            } else {
                // While the durations foresee no one there is nothing to weigh.
                assertThat(observations.forecastsEarned(Instant.ofEpochSecond(now), horizon)).isEqualTo(1);
            }
        }

        // Then the round they first foresee agents free counts none of them, half a horizon later half, and a
        // horizon later all of them (the 1 a horizon and more on)
        assertThat(trusted).isPositive();
        assertThat(observations.forecastsEarned(Instant.ofEpochSecond(trusted), horizon)).isZero();
        assertThat(observations.forecastsEarned(Instant.ofEpochSecond(trusted + 15), horizon)).isEqualTo(0.5);
        assertThat(observations.forecastsEarned(Instant.ofEpochSecond(trusted + 30), horizon)).isEqualTo(1);
        assertThat(observations.forecastsEarned(Instant.ofEpochSecond(trusted + 600), horizon)).isEqualTo(1);
    }

    /**
     * 100 agents on exponential talks of 5 minutes, each followed by a wrap-up of 35-52 s, all connected at the
     * start and connected again the second they free; their talks are told to the observations as they go.
     */
    private static final class TeamWithLongWrapUps {
        final List<AgentId> agents = IntStream.range(0, 100).mapToObj(i -> AgentId.of("a" + i)).toList();
        final long start;
        private final PacingObservations observations;
        private final Random random;
        private final long[] connectedAt = new long[agents.size()];
        private final long[] talkEnds = new long[agents.size()];
        private final long[] freeAt = new long[agents.size()];

        TeamWithLongWrapUps(PacingObservations observations, Random random, long start) {
            this.observations = observations;
            this.random = random;
            this.start = start;
            for (int a = 0; a < agents.size(); a++) {
                connect(a, start);
            }
        }

        /** The talks that end at {@code now} are told, and the agents whose wrap-up ends are freed and connected again. */
        void secondPassed(long now) {
            List<Integer> freed = new ArrayList<>();
            for (int a = 0; a < agents.size(); a++) {
                if (talkEnds[a] == now) {
                    observations.observe(talk(agents.get(a), connectedAt[a], Optional.of(now)));
                } else if (freeAt[a] == now) {
                    freed.add(a);
                }
            }
            observations.freeNow(freed.stream().map(agents::get).toList(), Instant.ofEpochSecond(now));
            freed.forEach(a -> connect(a, now));
        }

        /** The agents who free after {@code now} and within {@code seconds} of it. */
        long freeingAfter(long now, long seconds) {
            return Arrays.stream(freeAt).filter(at -> at > now && at <= now + seconds).count();
        }

        /** The agent's next call connects at {@code second}, its talk and the wrap-up after it drawn now. */
        private void connect(int a, long second) {
            observations.observe(talk(agents.get(a), second, Optional.empty()));
            connectedAt[a] = second;
            talkEnds[a] = second + 1 + (long) (-300 * Math.log(1 - random.nextDouble()));
            freeAt[a] = talkEnds[a] + 35 + random.nextInt(18);
        }
    }

    /** A call of {@code agent} connected at {@code connected} (answered at once), still open or ended at {@code end}. */
    private static CallRecord talk(AgentId agent, long connected, Optional<Long> end) {
        Instant at = Instant.ofEpochSecond(connected);
        return new CallRecord(new CallId(agent.value() + "-" + connected), 1, 1, 1, "0900000000", "1900", Optional.of(agent),
                at, at, Optional.of(at), Optional.of(at), Optional.of(at), end.map(Instant::ofEpochSecond),
                end.map(ignored -> CallResult.SUCCESS), Optional.empty(), Optional.empty());
    }

    private static CallRecord ended(Instant dialed, Instant end, boolean answered) {
        return new CallRecord(new CallId("c" + dialed.toEpochMilli() + end.toEpochMilli()), 1, 1, 1, "0900000000", "1900",
                Optional.empty(), dialed, dialed, Optional.of(dialed), answered ? Optional.of(end) : Optional.empty(),
                Optional.empty(), Optional.of(end), Optional.of(answered ? CallResult.ABANDONED : CallResult.BUSY),
                Optional.empty(), Optional.empty());
    }
}
