package dev.outdial.engine.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OverflowModelTest {

    private static final PacingObservations.Freeing NONE = new PacingObservations.Freeing(0, 0);

    @Test
    void theChanceOfABurstIsTheBinomialTailNotTheNormalOne() {
        // 18 calls at one answer in ten, no agent freeing: P(X > 6) = P(X ≥ 7) ≈ 0.0012 (the normal says 1.1e-4).
        double chance = OverflowModel.chanceOfMore(6, 1.8, 18 * 0.1 * 0.9, 0, 0);

        assertThat(chance).isCloseTo(binomialAbove(18, 0.1, 6), within(1e-6));
        assertThat(chance).isGreaterThan(5 * (1 - OverflowModel.cumulative((6 + 0.5 - 1.8) / Math.sqrt(1.62))));
    }

    @Test
    void agentsFreeingTakeTheirShareOfTheBurst() {
        double alone = OverflowModel.chanceOfMore(3, 2, 1.8, 0, 0);
        double withTwoLikelyToFree = OverflowModel.chanceOfMore(3, 2, 1.8, 1.6, 0.32);

        assertThat(withTwoLikelyToFree).isLessThan(alone / 3);
        assertThat(OverflowModel.chanceOfMore(-1, 0, 0, 0, 0)).as("already more waiting than room").isEqualTo(1);
    }

    @Test
    void fewerCallsWhenABurstAmongThemWouldTakeMoreThanTheAbandonsLeft() {
        // 5 calls ringing at one answer in ten, 4 agents free, no one freeing soon.
        RingingCalls.PendingAnswers ringing = new RingingCalls.PendingAnswers(0.5, 0.45, Duration.ZERO, 0);
        AbandonBudget.BurstRoom roomy = new AbandonBudget.BurstRoom(30, 0.01);
        AbandonBudget.BurstRoom tight = new AbandonBudget.BurstRoom(1, 0.0005);

        OverflowModel.Dials free = OverflowModel.callsToDial(5, ringing, 0, 0.1, 4, NONE, NONE, NONE, 0.05, 10, roomy, 100);
        OverflowModel.Dials held = OverflowModel.callsToDial(5, ringing, 0, 0.1, 4, NONE, NONE, NONE, 0.05, 10, tight, 100);

        assertThat(held.calls()).isPositive().isLessThan(free.calls());
        assertThat(held.heldByPromise()).isTrue();
        assertThat(burstWith(held.calls())).as("more than 1 + 4 answers").isLessThanOrEqualTo(0.0005);
        assertThat(burstWith(held.calls() + 1)).as("the most calls that fit").isGreaterThan(0.0005);
    }

    @Test
    void aRateReadFromAFewDialsIsBoundedFarAboveAndOneReadFromThousandsNearIt() {
        // Wilson's upper end at 1.5 standard deviations, worked by hand: one answer in 18 dials
        // (0.056) may be 0.196; 400 in 1,000 (0.4) may be 0.423.
        assertThat(OverflowModel.boundedRate(1.0 / 18, 18)).isCloseTo(0.1959, within(1e-3));
        assertThat(OverflowModel.boundedRate(0.4, 1000)).isCloseTo(0.4234, within(1e-3));
        assertThat(OverflowModel.boundedRate(0, 0)).as("nothing read: anyone may answer").isEqualTo(1);
    }

    @Test
    void theBurstIsCountedAtTheMostTheRateMayBe() {
        // 4 lines may ring for 2 free agents with one abandon left at 5.6 % answered (all four answer: 1e-5), not at
        // the 19.6 % that one answer in 18 dials may be (1.5e-3).
        RingingCalls.PendingAnswers oneRinging = new RingingCalls.PendingAnswers(0.056, 0.056 * 0.944, Duration.ZERO, 0);
        AbandonBudget.BurstRoom oneLeft = new AbandonBudget.BurstRoom(1, 1e-5);

        OverflowModel.Dials asRead = OverflowModel.callsToDial(1, oneRinging, 0, 0.056, 2, NONE, NONE, NONE, 0.05, 10,
                oneLeft, 3);
        OverflowModel.Dials bounded = OverflowModel.callsToDial(1, oneRinging, 0, 0.056, 2, NONE, NONE, NONE, 0.05, 10,
                oneLeft.atRate(OverflowModel.boundedRate(1.0 / 18, 18)), 3);

        assertThat(asRead.calls()).isEqualTo(3);
        assertThat(bounded.calls()).isLessThan(asRead.calls());
        assertThat(bounded.heldByPromise()).isTrue();
    }

    private static double burstWith(int calls) {
        return OverflowModel.chanceOfMore(1 + 4, 0.5 + calls * 0.1, 0.45 + calls * 0.09, 0, 0);
    }

    private static double binomialAbove(int n, double p, int k) {
        double atMost = 0;
        double term = Math.pow(1 - p, n);
        for (int i = 0; i <= k; i++) {
            atMost += term;
            term *= (double) (n - i) / (i + 1) * p / (1 - p);
        }
        return 1 - atMost;
    }
}
