package dev.outdial.engine.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.outdial.engine.rules.CalledPartyZones;
import dev.outdial.engine.rules.CallingWindow;
import dev.outdial.engine.rules.WeeklySchedule;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AbandonBudgetTest {

    static final Instant NINE = Instant.parse("2025-03-03T09:00:00Z");

    @Test
    void answersThatAllGetAnAgentRaiseTheTarget() {
        AbandonBudget budget = new AbandonBudget(0.03);
        double before = budget.targetShare(NINE);

        for (int i = 0; i < 200; i++) {
            budget.answered(false, NINE.plusSeconds(i * 10), NINE.plusSeconds(i * 10), 10);
        }

        assertThat(budget.targetShare(NINE.plusSeconds(2000))).isGreaterThan(before * 2);
    }

    @Test
    void abandonsAboveTheAimLowerIt() {
        AbandonBudget budget = new AbandonBudget(0.03);
        double before = budget.targetShare(NINE);

        for (int i = 0; i < 200; i++) {
            budget.answered(i % 10 == 0, NINE.plusSeconds(i * 10), NINE.plusSeconds(i * 10), 10);
        }

        assertThat(budget.targetShare(NINE.plusSeconds(2000))).as("10 %% abandoned").isLessThan(before);
    }

    @Test
    void aLargeTeamLearnsLessFromEachAnswer() {
        AbandonBudget small = new AbandonBudget(0.03);
        AbandonBudget large = new AbandonBudget(0.03);

        for (int i = 0; i < 100; i++) {
            small.answered(false, NINE.plusSeconds(i), NINE.plusSeconds(i), 10);
            large.answered(false, NINE.plusSeconds(i), NINE.plusSeconds(i), 200);
        }

        assertThat(large.targetShare(NINE.plusSeconds(100)))
                .isLessThan(small.targetShare(NINE.plusSeconds(100)));
    }

    @Test
    void aBadLastHourHoldsTheTargetBackMoreThanTheSameAbandonsLongAgo() {
        AbandonBudget early = new AbandonBudget(0.03);
        AbandonBudget late = new AbandonBudget(0.03);
        for (int i = 0; i < 1000; i++) {
            // The same 30 abandons of 1000 answers (3 %), at the start of the day or in its last minute.
            early.answered(i < 30, NINE.plusSeconds(i * 10L), NINE.plusSeconds(i * 10L), 10);
            late.answered(i >= 970, NINE.plusSeconds(i * 10L), NINE.plusSeconds(i * 10L), 10);
        }
        Instant now = NINE.plusSeconds(10_000);

        assertThat(late.targetShare(now)).isLessThan(early.targetShare(now) / 4);
    }

    @Test
    void aCampaignOverItsLimitDialsAlmostNoMoreThanProgressive() {
        AbandonBudget budget = new AbandonBudget(0.03);
        for (int i = 0; i < 1000; i++) {
            budget.answered(i % 50 < 3, NINE.plusSeconds(i), NINE.plusSeconds(i), 10);
        }

        assertThat(budget.targetShare(NINE.plusSeconds(1000))).as("6 %% abandoned").isLessThan(0.03 * 0.1);
    }

    @Test
    void aSteadyAnswerRateLetsTheTargetCloserToTheLimitThanADriftingOne() {
        AbandonBudget steady = new AbandonBudget(0.03);
        AbandonBudget drifting = new AbandonBudget(0.03);
        steady.steadiness(1);
        drifting.steadiness(0);

        // The same clean hour of 36,000 answers: only how steady the answer rate was differs (with a few
        // thousand, the margin every clock hour keeps for its own noise takes the steady aim down to the
        // drifting one).
        for (int i = 0; i < 36_000; i++) {
            steady.answered(false, NINE.plusMillis(i * 100L), NINE.plusMillis(i * 100L), 10);
            drifting.answered(false, NINE.plusMillis(i * 100L), NINE.plusMillis(i * 100L), 10);
        }
        Instant now = NINE.plusSeconds(3600);

        assertThat(steady.targetShare(now)).isGreaterThan(drifting.targetShare(now) * 1.05);
    }

    @Test
    void aDriftAfterASteadySpellGivesBackPartOfTheLearntGain() {
        AbandonBudget budget = new AbandonBudget(0.03);
        budget.steadiness(1);
        for (int i = 0; i < 2000; i++) {
            budget.answered(false, NINE.plusSeconds(i * 8L), NINE.plusSeconds(i * 8L), 10);
        }
        Instant now = NINE.plusSeconds(16_000);
        budget.steadiness(0);
        double afterDrift = budget.targetShare(now);
        AbandonBudget neverSteady = new AbandonBudget(0.03);
        for (int i = 0; i < 2000; i++) {
            neverSteady.answered(false, NINE.plusSeconds(i * 8L), NINE.plusSeconds(i * 8L), 10);
        }

        assertThat(afterDrift).isLessThan(neverSteady.targetShare(now));
    }

    @Test
    void aCampaignThatOverspentItsBudgetAimsLowerEvenOnASteadyDay() {
        AbandonBudget overspent = new AbandonBudget(0.03);
        AbandonBudget onBudget = new AbandonBudget(0.03);
        overspent.steadiness(1);
        onBudget.steadiness(1);
        for (int i = 0; i < 1000; i++) {
            // 4 % against 2 % of the answers abandoned, all of it long ago (the hour guard has forgotten it).
            overspent.answered(i % 25 == 0, NINE.plusSeconds(i), NINE.plusSeconds(i), 10);
            onBudget.answered(i % 50 == 0, NINE.plusSeconds(i), NINE.plusSeconds(i), 10);
        }
        Instant later = NINE.plusSeconds(4 * 3600);

        assertThat(overspent.targetShare(later)).isLessThan(onBudget.targetShare(later));
    }

    @Test
    void noAbandonIsAllowedBeforeAnswersEarnIt() {
        AbandonBudget budget = new AbandonBudget(0.03);

        assertThat(budget.abandonsLeft(NINE)).as("the session's first dials").isZero();
        for (int i = 0; i < 100; i++) {
            budget.answered(false, NINE.plusSeconds(i), NINE.plusSeconds(i), 10);
        }
        // 3 % of 100 answers is 3, room for one and a half bursts of two abandons; with 0.42 bursts
        // expected (0.84 abandons), a second burst comes as rarely as 1.5 standard deviations.
        assertThat(budget.abandonsLeft(NINE.plusSeconds(100))).as("3 %% of 100 answers, less chance")
                .isCloseTo(0.84, within(0.01));
    }

    @Test
    void anHourThatSpentItsShareLeavesNoAbandonForItsRestWhateverTheDay() {
        AbandonBudget budget = new AbandonBudget(0.03);
        // A clean first hour of 3,600 answers leaves the day 108 abandons of room…
        for (int i = 0; i < 3600; i++) {
            budget.answered(false, NINE.plusSeconds(i), NINE.plusSeconds(i), 10);
        }
        // …and the next hour spends in its first ten minutes what a whole hour at this pace may.
        Instant ten = NINE.plusSeconds(3600);
        for (int i = 0; i < 600; i++) {
            budget.answered(i % 5 == 0, ten.plusSeconds(i), ten.plusSeconds(i), 10);
        }

        assertThat(budget.abandonsLeft(ten.plusSeconds(600))).isZero();
    }

    @Test
    void anHourOverItsShareCountsNoAnswersToPayBackWithPastWhereTheCampaignStopsDialing() {
        AbandonBudget toTheHour = new AbandonBudget(0.03);
        AbandonBudget toTheHalfHour = new AbandonBudget(0.03);
        Instant ten = NINE.plusSeconds(3600);
        for (AbandonBudget budget : new AbandonBudget[] {toTheHour, toTheHalfHour}) {
            // A clean first hour of 3,600 answers, then 50 abandons in the next hour's first 1,200 answers (4.2 %).
            for (int i = 0; i < 3600; i++) {
                budget.answered(false, NINE.plusSeconds(i), NINE.plusSeconds(i), 10);
            }
            for (int i = 0; i < 1200; i++) {
                budget.answered(i % 24 == 0, ten.plusSeconds(i), ten.plusSeconds(i), 10);
            }
        }
        WeeklySchedule always = WeeklySchedule.in(ZoneId.of("UTC")).open(EnumSet.allOf(DayOfWeek.class), "00:00", "00:00")
                .build();
        toTheHour.dialingWindow(new CallingWindow(NINE, Optional.empty(), always, Optional.empty(), new CalledPartyZones()));
        toTheHalfHour.dialingWindow(new CallingWindow(NINE, Optional.of(ten.plusSeconds(1800)), always, Optional.empty(),
                new CalledPartyZones()));
        Instant twenty = ten.plusSeconds(1200);

        // The hour's 40 minutes to come would pay the overspending back; its last 10 minutes of dialing cannot.
        assertThat(toTheHalfHour.targetShare(twenty)).isLessThan(toTheHour.targetShare(twenty) / 2);
    }

    @Test
    void aBurstMayTakeTheWholeAbandonsLeftAndLessChanceWhereTheRoomIsSlowToEarn() {
        AbandonBudget slow = new AbandonBudget(0.03);
        AbandonBudget fast = new AbandonBudget(0.03);
        Instant ten = NINE.plusSeconds(3600);
        for (int i = 0; i < 400; i++) {
            // A morning of room for the day: the hour's is the smaller.
            slow.answered(false, NINE.plusSeconds(i * 9L), NINE.plusSeconds(i * 9L), 10);
            fast.answered(false, NINE.plusSeconds(i * 9L), NINE.plusSeconds(i * 9L), 10);
        }
        for (int i = 0; i < 60; i++) {
            // 120 answers an hour, one of them abandoned, against 1,200.
            slow.answered(i == 0, ten.plusSeconds(i * 30L), ten.plusSeconds(i * 30L), 10);
        }
        for (int i = 0; i < 60; i++) {
            fast.answered(i == 0, ten.plusSeconds(1800 + i * 3L), ten.plusSeconds(1800 + i * 3L), 10);
        }
        Instant now = ten.plusSeconds(1800 + 180);
        Duration horizon = Duration.ofSeconds(20);

        AbandonBudget.BurstRoom slowRoom = slow.burstRoom(now, horizon);
        AbandonBudget.BurstRoom fastRoom = fast.burstRoom(now, horizon);

        assertThat(slowRoom.wholeAbandons()).as("3 %% of the hour's 100 answers it counts from, less the one spent").isEqualTo(2);
        assertThat(fastRoom.wholeAbandons()).isEqualTo(2);
        assertThat(slowRoom.chance()).as("the room earns an abandon in an hour, not in minutes").isLessThan(fastRoom.chance() / 2);
        assertThat(fastRoom.chance()).isPositive().isLessThanOrEqualTo(0.01);
    }

    @Test
    void abandonsPastTheRoomByMoreThanOneAreRemembered() {
        AbandonBudget budget = new AbandonBudget(0.03);
        for (int i = 0; i < 100; i++) {
            budget.answered(false, NINE.plusSeconds(i), NINE.plusSeconds(i), 300);
        }
        // Room for 3: a fourth abandon is one past it, which a burst held to its chance may bring.
        for (int i = 0; i < 4; i++) {
            budget.answered(true, NINE.plusSeconds(200), NINE.plusSeconds(200), 300);
        }
        assertThat(budget.overspentItsRoom()).as("one past the room").isFalse();

        budget.answered(true, NINE.plusSeconds(201), NINE.plusSeconds(201), 300);
        assertThat(budget.overspentItsRoom()).as("two past it").isTrue();
        for (int i = 0; i < 1000; i++) {
            budget.answered(false, NINE.plusSeconds(300 + i), NINE.plusSeconds(300 + i), 300);
        }
        assertThat(budget.overspentItsRoom()).as("paid back since").isTrue();
    }

    @Test
    void aRestartGivesBackALearntGain() {
        AbandonBudget learnt = new AbandonBudget(0.03);
        AbandonBudget restarted = new AbandonBudget(0.03);
        for (int i = 0; i < 2000; i++) {
            learnt.answered(false, NINE.plusSeconds(i * 8L), NINE.plusSeconds(i * 8L), 10);
            restarted.answered(false, NINE.plusSeconds(i * 8L), NINE.plusSeconds(i * 8L), 10);
        }
        restarted.restart();
        Instant now = NINE.plusSeconds(16_000);

        assertThat(restarted.targetShare(now)).isLessThan(learnt.targetShare(now) / 2);
    }

    @Test
    void roomForLessThanOneAbandonMakesEvenOneUnlikely() {
        // Abandons are whole: with 0.9 left, one more breaks the limit, so one must be rarer than 2 standard deviations.
        assertThat(AbandonBudget.expectedWithin(0.9, 2)).isCloseTo(0.023, within(0.001));
        assertThat(AbandonBudget.expectedWithin(100, 2)).as("many: the normal approximation")
                .isCloseTo(81.9, within(0.1));
    }

    @Test
    void aLocalHourThatSpentItsShareIsHeldBackThoughItsUtcHourHasRoom() {
        // India is at +05:30: its hour from 10:00 runs from 04:30 to 05:30 UTC, across two UTC hours.
        AbandonBudget kolkata = new AbandonBudget(0.03, new ClockHours(ZoneId.of("Asia/Kolkata")));
        AbandonBudget utc = new AbandonBudget(0.03);
        Instant midnight = Instant.parse("2025-03-03T00:00:00Z");
        Instant tenInKolkata = Instant.parse("2025-03-03T04:30:00Z");
        for (AbandonBudget budget : new AbandonBudget[] {kolkata, utc}) {
            // A clean night of 1,000 answers leaves the day room for 30 abandons…
            for (int i = 0; i < 1000; i++) {
                budget.answered(false, midnight.plusSeconds(i * 10L), midnight.plusSeconds(i * 10L), 10);
            }
            // …and the half hour from 10:00 in Kolkata (04:30–05:00 UTC) has 3 abandons in 100 answers.
            for (int i = 0; i < 100; i++) {
                budget.answered(i % 34 == 0, tenInKolkata.plusSeconds(i * 18L), tenInKolkata.plusSeconds(i * 18L), 10);
            }
        }
        Instant tenFortyInKolkata = Instant.parse("2025-03-03T05:10:00Z");

        assertThat(kolkata.abandonsLeft(tenFortyInKolkata)).as("the local hour is at 3 %: one more abandon breaks it")
                .isZero();
        assertThat(utc.abandonsLeft(tenFortyInKolkata)).as("counted in UTC, the hour began at 05:00 with room")
                .isPositive();
    }

    @Test
    void aZoneChangedByWholeHoursGoesOnCountingTheHourInProgress() {
        AbandonBudget moved = hourWithEarlierAbandons();
        AbandonBudget stayed = hourWithEarlierAbandons();

        moved.hoursIn(new ClockHours(ZoneId.of("Asia/Bangkok")), TEN_TEN);

        // Bangkok's hour in progress began at 10:00 UTC too: its 200 clean answers still earn their room.
        assertThat(moved.abandonsLeft(TEN_TEN.plusSeconds(60))).isPositive()
                .isEqualTo(stayed.abandonsLeft(TEN_TEN.plusSeconds(60)));
    }

    @Test
    void aZoneChangedByHalfAnHourCarriesTheAbandonsIntoTheNewHourButNotTheAnswers() {
        AbandonBudget moved = hourWithEarlierAbandons();
        AbandonBudget stayed = hourWithEarlierAbandons();

        moved.hoursIn(new ClockHours(ZoneId.of("Asia/Kolkata")), TEN_TEN);

        // Kolkata's hour in progress began at 09:30 UTC: it holds the three abandons of 09:30–10:00 beside
        // answers the budget did not keep apart, so it counts the abandons and earns room only from now.
        assertThat(moved.abandonsLeft(TEN_TEN.plusSeconds(60))).as("3 abandons against 3 % of the 100 answers counted")
                .isZero();
        assertThat(stayed.abandonsLeft(TEN_TEN.plusSeconds(60))).as("the UTC hour from 10:00 is clean").isPositive();
    }

    private static final Instant TEN_TEN = Instant.parse("2025-03-03T10:10:00Z");

    /** A UTC budget: a clean night, three abandons in 100 answers from 09:30, then 200 clean answers from 10:00. */
    private static AbandonBudget hourWithEarlierAbandons() {
        AbandonBudget budget = new AbandonBudget(0.03);
        Instant midnight = Instant.parse("2025-03-03T00:00:00Z");
        for (int i = 0; i < 1000; i++) {
            budget.answered(false, midnight.plusSeconds(i * 10L), midnight.plusSeconds(i * 10L), 10);
        }
        Instant halfPastNine = Instant.parse("2025-03-03T09:30:00Z");
        for (int i = 0; i < 100; i++) {
            budget.answered(i % 34 == 0, halfPastNine.plusSeconds(i * 18L), halfPastNine.plusSeconds(i * 18L), 10);
        }
        Instant ten = Instant.parse("2025-03-03T10:00:00Z");
        for (int i = 0; i < 200; i++) {
            budget.answered(false, ten.plusSeconds(i * 3L), ten.plusSeconds(i * 3L), 10);
        }
        return budget;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            # St John's, 2 November 2025: 02:00 NDT (04:30 UTC) becomes 01:00 NST; the hour from 01:00 comes twice.
            America/St_Johns,   2025-11-02T03:30:00Z, 2025-11-02T04:30:00Z
            # Adelaide, 5 October 2025: 02:00 ACST (16:30 UTC the day before) becomes 03:00 ACDT; 02:00 never comes.
            Australia/Adelaide, 2025-10-04T15:30:00Z, 2025-10-04T16:30:00Z
            """)
    void aChangeOfTheClocksStartsANewHourAndBreaksNothing(ZoneId zone, Instant hour, Instant change) {
        AbandonBudget budget = new AbandonBudget(0.03, new ClockHours(zone));

        spendAnHour(budget, hour);

        assertThat(budget.abandonsLeft(change.minusSeconds(60))).as("a minute before the change: the hour is spent")
                .isZero();
        paceAcross(budget, change);
        assertThat(budget.abandonsLeft(change.plusSeconds(60))).as("a minute after it: a new hour, though in St John's "
                + "the clock shows the same hour again").isPositive();
    }

    /** A clean day of 1,000 answers before {@code hour}, then 3 abandons in 100 answers within it. */
    private static void spendAnHour(AbandonBudget budget, Instant hour) {
        Instant dayStart = hour.minus(Duration.ofHours(6));
        for (int i = 0; i < 1000; i++) {
            budget.answered(false, dayStart.plusSeconds(i * 10L), dayStart.plusSeconds(i * 10L), 10);
        }
        for (int i = 0; i < 100; i++) {
            budget.answered(i % 34 == 0, hour.plusSeconds(60 + i * 30L), hour.plusSeconds(60 + i * 30L), 10);
        }
    }

    /** A pacing round every ten seconds from just before the change of the clocks to after it: each gives a target and a room. */
    private static void paceAcross(AbandonBudget budget, Instant change) {
        for (Instant at = change.minusSeconds(600); at.isBefore(change.plusSeconds(600)); at = at.plusSeconds(10)) {
            assertThat(budget.targetShare(at)).as("target at %s", at).isBetween(0.0, 1.0);
            assertThat(budget.overflowLeft(at)).as("room at %s", at).isNotNegative().isFinite();
        }
    }
}
