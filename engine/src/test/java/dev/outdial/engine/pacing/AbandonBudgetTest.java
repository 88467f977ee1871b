package dev.outdial.engine.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AbandonBudgetTest {

    static final Instant NINE = Instant.parse("2025-03-03T09:00:00Z");

    @Test
    void answersThatAllGetAnAgentRaiseTheTarget() {
        AbandonBudget budget = new AbandonBudget(0.03);
        double before = budget.targetShare(0, 0, NINE);

        for (int i = 0; i < 200; i++) {
            budget.answered(false, NINE.plusSeconds(i * 10), 10);
        }

        assertThat(budget.targetShare(200, 0, NINE.plusSeconds(2000))).isGreaterThan(before * 2);
    }

    @Test
    void abandonsAboveTheAimLowerIt() {
        AbandonBudget budget = new AbandonBudget(0.03);
        double before = budget.targetShare(0, 0, NINE);

        for (int i = 0; i < 200; i++) {
            budget.answered(i % 10 == 0, NINE.plusSeconds(i * 10), 10);
        }

        assertThat(budget.targetShare(200, 20, NINE.plusSeconds(2000))).as("10 %% abandoned").isLessThan(before);
    }

    @Test
    void aLargeTeamLearnsLessFromEachAnswer() {
        AbandonBudget small = new AbandonBudget(0.03);
        AbandonBudget large = new AbandonBudget(0.03);

        for (int i = 0; i < 100; i++) {
            small.answered(false, NINE.plusSeconds(i), 10);
            large.answered(false, NINE.plusSeconds(i), 200);
        }

        assertThat(large.targetShare(100, 0, NINE.plusSeconds(100)))
                .isLessThan(small.targetShare(100, 0, NINE.plusSeconds(100)));
    }

    @Test
    void aBadLastHourHoldsTheTargetBackMoreThanTheSameAbandonsLongAgo() {
        AbandonBudget early = new AbandonBudget(0.03);
        AbandonBudget late = new AbandonBudget(0.03);
        for (int i = 0; i < 1000; i++) {
            // The same 30 abandons of 1000 answers (3 %), at the start of the day or in its last minute.
            early.answered(i < 30, NINE.plusSeconds(i * 10L), 10);
            late.answered(i >= 970, NINE.plusSeconds(i * 10L), 10);
        }
        Instant now = NINE.plusSeconds(10_000);

        assertThat(late.targetShare(1000, 30, now)).isLessThan(early.targetShare(1000, 30, now) / 4);
    }

    @Test
    void aCampaignOverItsLimitDialsAlmostNoMoreThanProgressive() {
        AbandonBudget budget = new AbandonBudget(0.03);

        assertThat(budget.targetShare(1000, 60, NINE)).isLessThan(0.03 * 0.1);
    }

    @Test
    void aSteadyAnswerRateLetsTheTargetCloserToTheLimitThanADriftingOne() {
        AbandonBudget steady = new AbandonBudget(0.03);
        AbandonBudget drifting = new AbandonBudget(0.03);
        steady.steadiness(1);
        drifting.steadiness(0);

        // The same clean hour of 440 answers: only how steady the answer rate was differs.
        for (int i = 0; i < 440; i++) {
            steady.answered(false, NINE.plusSeconds(i * 8L), 10);
            drifting.answered(false, NINE.plusSeconds(i * 8L), 10);
        }
        Instant now = NINE.plusSeconds(3600);

        assertThat(steady.targetShare(440, 0, now)).isGreaterThan(drifting.targetShare(440, 0, now) * 1.2);
    }

    @Test
    void aDriftAfterASteadySpellGivesBackPartOfTheLearntGain() {
        AbandonBudget budget = new AbandonBudget(0.03);
        budget.steadiness(1);
        for (int i = 0; i < 2000; i++) {
            budget.answered(false, NINE.plusSeconds(i * 8L), 10);
        }
        Instant now = NINE.plusSeconds(16_000);
        budget.steadiness(0);
        double afterDrift = budget.targetShare(2000, 0, now);
        AbandonBudget neverSteady = new AbandonBudget(0.03);
        for (int i = 0; i < 2000; i++) {
            neverSteady.answered(false, NINE.plusSeconds(i * 8L), 10);
        }

        assertThat(afterDrift).isLessThan(neverSteady.targetShare(2000, 0, now));
    }

    @Test
    void aCampaignThatOverspentItsBudgetAimsLowerEvenOnASteadyDay() {
        AbandonBudget overspent = new AbandonBudget(0.03);
        AbandonBudget onBudget = new AbandonBudget(0.03);
        overspent.steadiness(1);
        onBudget.steadiness(1);
        for (int i = 0; i < 1000; i++) {
            // 4 % against 2 % of the answers abandoned, all of it long ago (the hour guard has forgotten it).
            overspent.answered(i % 25 == 0, NINE.plusSeconds(i), 10);
            onBudget.answered(i % 50 == 0, NINE.plusSeconds(i), 10);
        }
        Instant later = NINE.plusSeconds(4 * 3600);

        assertThat(overspent.targetShare(1000, 40, later)).isLessThan(onBudget.targetShare(1000, 20, later));
    }
}
