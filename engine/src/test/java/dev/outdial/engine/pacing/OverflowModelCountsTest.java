package dev.outdial.engine.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The burst's chance counted into arrays kept from one count to the next, the agents freeing counted
 * once per search, gives the chance the counts in new arrays gave, to the bit: the days it paces must
 * not move.
 */
class OverflowModelCountsTest {

    @Test
    void theChanceOfABurstIsTheOneCountedInNewArraysToTheBit() {
        Random random = new Random(15);
        int counted = 0;
        for (int round = 0; round < 20_000; round++) {
            // The freeing agents of a round stay while the calls grow, as in a round's search.
            double freeingMean = random.nextInt(10) == 0 ? 0 : random.nextDouble() * 120;
            double freeingVariance = random.nextInt(10) == 0 ? 0 : freeingMean * random.nextDouble() * (random.nextBoolean() ? 1 : 0.1);
            int k = random.nextInt(12) - 1;
            double ringingMean = random.nextDouble() * 30;
            double rate = random.nextInt(10) == 0 ? 1 : random.nextDouble();
            for (int calls = 0; calls < 200; calls += 1 + random.nextInt(40)) {
                double answers = ringingMean + calls * rate;
                double variance = ringingMean * (1 - rate) * random.nextDouble() + calls * rate * (1 - rate);
                double expected = chanceOfMoreInNewArrays(k, answers, variance, freeingMean, freeingVariance);
                double chance = OverflowModel.chanceOfMore(k, answers, variance, freeingMean, freeingVariance);
                assertThat(Double.doubleToRawLongBits(chance)).as("k %d, answers %s ± %s, freeing %s ± %s", k, answers,
                        variance, freeingMean, freeingVariance).isEqualTo(Double.doubleToRawLongBits(expected));
                if (expected > 0 && expected < 1) {
                    counted++;
                }
            }
        }
        assertThat(counted).as("chances counted, not only the shortcuts").isGreaterThan(10_000);
    }

    /** {@link OverflowModel#chanceOfMore} as it was, with new arrays at every count. */
    private static double chanceOfMoreInNewArrays(int k, double answers, double answersVariance, double freeingMean,
                                                  double freeingVariance) {
        if (k < 0) {
            return 1;
        }
        double sigma = Math.sqrt(answersVariance + freeingVariance);
        if (k + 0.5 - answers + freeingMean > 10 * sigma) {
            return 0;
        }
        double[] freed = counts(freeingMean, freeingVariance);
        double[] answered = counts(answers, answersVariance);
        if (freed == null || answered == null) {
            return 1 - OverflowModel.cumulative((k + 0.5 - answers + freeingMean) / sigma);
        }
        double chance = 0;
        double above = 0;
        for (int j = answered.length - 1; j >= k; j--) {
            if (j - k < freed.length) {
                chance += freed[j - k] * above;
            }
            above += answered[j];
        }
        return chance;
    }

    private static double[] counts(double mean, double variance) {
        if (mean <= 1e-9) {
            return new double[] {1};
        }
        double p = 1 - variance / mean;
        if (p >= 1 - 1e-9) {
            int certain = (int) Math.round(mean);
            double[] at = new double[certain + 1];
            at[certain] = 1;
            return at;
        }
        int top = (int) Math.ceil(mean + 12 * Math.sqrt(variance) + 5);
        if (top > 600 || mean > 300) {
            return null;
        }
        double[] at = new double[top + 1];
        if (p < 0.02) {
            at[0] = Math.exp(-mean);
            for (int i = 1; i <= top; i++) {
                at[i] = at[i - 1] * (mean / i);
            }
            return at;
        }
        int trials = Math.max(1, (int) Math.round(mean / p));
        double each = Math.min(1, mean / trials);
        if (each >= 1) {
            at = new double[trials + 1];
            at[trials] = 1;
            return at;
        }
        at[0] = Math.pow(1 - each, trials);
        double odds = each / (1 - each);
        for (int i = 1; i <= Math.min(top, trials); i++) {
            at[i] = at[i - 1] * ((trials - i + 1) * odds / i);
        }
        return at;
    }
}
