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
}
