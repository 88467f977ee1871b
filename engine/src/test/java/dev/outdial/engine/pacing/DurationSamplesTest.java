package dev.outdial.engine.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The ringing calls ask the share of samples longer than each call's age by walking the samples down
 * once a round ({@link DurationSamples#atMostWalkingDown}): it must count what a plain count of the
 * samples kept gives, for every age asked longest first, equal samples and the ring's turnover included.
 * Early in a campaign the agents still busy count as durations longer than their elapsed time.
 */
class DurationSamplesTest {

    @Test
    void walkingDownCountsTheSamplesAtMostEachAgeAskedLongestFirst() {
        Random random = new Random(15);
        DurationSamples samples = new DurationSamples();
        List<Long> kept = new ArrayList<>();
        for (int round = 0; round < 200; round++) {
            for (int i = random.nextInt(20); i > 0; i--) {
                long millis = random.nextInt(4) == 0 ? 1000 * random.nextInt(30) : random.nextLong(60_000);
                samples.add(Duration.ofMillis(millis));
                kept.add(millis);
            }
            // The ring keeps the last 400.
            List<Long> last = kept.subList(Math.max(0, kept.size() - 400), kept.size());
            int atMost = samples.size();
            long age = 70_000;
            while (age >= -1_000) {
                long asked = age;
                atMost = samples.atMostWalkingDown(atMost, asked);
                long counted = last.stream().filter(millis -> millis <= asked).count();
                assertThat(atMost).as("round %d, age %d", round, asked).isEqualTo(counted);
                assertThat(samples.shareLongerThan(atMost))
                        .isEqualTo(last.isEmpty() ? 0 : (double) (last.size() - counted) / last.size());
                // Sometimes the same age again, sometimes onto a whole second, where equal samples stand.
                int step = random.nextInt(3);
                age = step == 0 ? age : step == 1 ? Math.floorDiv(age - 1, 1000) * 1000 : age - random.nextLong(1, 3_000);
            }
        }
    }

    @Test
    void agentsBusyLongerThanTheSamplesCountAgainstTheirFreeingEarlyInTheCampaign() {
        // 100 talks ended after 60–119 s; 100 agents have been talking for 90.000–90.099 s, minutes into the campaign.
        DurationSamples samples = new DurationSamples();
        for (int i = 0; i < 100; i++) {
            samples.add(Duration.ofSeconds(60 + (i * 7) % 60));
        }
        BusySince talking = new BusySince();
        long now = 1_000_000;
        for (int i = 0; i < 100; i++) {
            talking.add(now - 90_000 - i);
        }
        DurationSamples.Sums sums = new DurationSamples.Sums();

        samples.freeingWithin(talking, now, new long[] {10_000}, 1, 60, sums);

        // The samples alone: 16 of the 47 talks longer than 90 s ended within 100 s, so 100 × 16 ÷ 47 = 34
        // agents free within 10 s. The agents still talking are durations longer than their 90 s too: the
        // k-th longest at it counts itself and the k − 1 before it, each known to last into the next 10 s
        // only, so half a duration at risk: 16 ÷ (47 + k ÷ 2), 24 agents in all.
        double expected = 0;
        for (int k = 1; k <= 100; k++) {
            expected += 16.0 / (47 + k / 2.0);
        }
        assertThat(sums.mean[0]).isCloseTo(expected, within(1e-9)).isLessThan(25);
    }

    @Test
    void theBusyAgentsWalkAddsEachAgentsChanceInOrderToTheLastBit() {
        // Past its first hour a campaign's walk has a loop of its own per number of horizons: its sums must
        // be, bit for bit, each agent's endsWithin added one by one from the latest to start, for every horizon.
        Random random = new Random(15);
        DurationSamples samples = new DurationSamples();
        for (int i = 0; i < 30_000; i++) {
            samples.add(Duration.ofMillis(random.nextInt(5) == 0 ? 1000 * random.nextInt(200)
                    : (long) (90_000 * Math.exp(0.7 * random.nextGaussian()))));
        }
        DurationSamples.Sums sums = new DurationSamples.Sums();
        for (int round = 0; round < 300; round++) {
            int agents = 1 + random.nextInt(1_200);
            long now = 50_000_000 + round * 100L;
            BusySince busy = busyAgents(random, agents, now);
            long[] horizons = horizons(random);

            samples.freeingWithin(busy, now, horizons, horizons.length, 2 * agents, sums);

            double[] mean = new double[horizons.length];
            double[] variance = new double[horizons.length];
            long[] since = busy.ascending();
            for (int i = agents - 1; i >= 0; i--) {
                for (int h = 0; h < horizons.length; h++) {
                    double chance = samples.endsWithin(now - since[i], horizons[h], 2 * agents);
                    mean[h] += chance;
                    variance[h] += chance * (1 - chance);
                }
            }
            assertSumsExactly(sums, mean, variance, "round %d: %d agents, horizons %s".formatted(round, agents,
                    Arrays.toString(horizons)));
        }
    }

    @Test
    void eachHorizonOfOneWalkSumsWhatItsOwnWalkSumsToTheLastBit() {
        // A round asks up to three horizons of one walk; young or old, the campaign's sums for each must be,
        // bit for bit, what a walk asking that horizon alone gives (the days stay what they were).
        Random random = new Random(16);
        DurationSamples samples = new DurationSamples();
        DurationSamples.Sums together = new DurationSamples.Sums();
        DurationSamples.Sums alone = new DurationSamples.Sums();
        int added = 0;
        int censoredRounds = 0;
        int uncensoredRounds = 0;
        for (int round = 0; round < 400; round++) {
            for (int i = random.nextInt(30); i > 0; i--, added++) {
                samples.add(Duration.ofMillis(random.nextInt(5) == 0 ? 1000 * random.nextInt(200)
                        : (long) (90_000 * Math.exp(0.7 * random.nextGaussian()))));
            }
            int agents = 1 + random.nextInt(200);
            long now = 50_000_000 + round * 100L;
            BusySince busy = busyAgents(random, agents, now);
            long[] horizons = horizons(random);
            // The campaign's first durations count the busy agents as censored (fewer than 20 an agent).
            boolean counted = samples.size() >= Math.max(DurationSamples.ENOUGH, 2 * agents);
            censoredRounds += counted && added < 20 * agents ? 1 : 0;
            uncensoredRounds += counted && added >= 20 * agents ? 1 : 0;

            samples.freeingWithin(busy, now, horizons, horizons.length, 2 * agents, together);

            for (int h = 0; h < horizons.length; h++) {
                samples.freeingWithin(busy, now, new long[] {horizons[h]}, 1, 2 * agents, alone);
                assertThat(new double[] {together.mean[h], together.variance[h]})
                        .as("round %d: %d agents, horizon %d of %s", round, agents, h, Arrays.toString(horizons))
                        .containsExactly(alone.mean[0], alone.variance[0]);
            }
        }
        assertThat(censoredRounds).as("rounds walked while the campaign was young").isGreaterThan(50);
        assertThat(uncensoredRounds).as("rounds walked past its first hour").isGreaterThan(50);
    }

    @Test
    void aYoungCampaignsWalkAddsWhatEachAgentCountedPlainlyGivesToTheLastBit() {
        // Until it has seen 20 durations per busy agent the campaign also counts every duration since its
        // start and the agents still busy (CampaignDurations): the walk's counts, taken on from the last
        // agent's and the last round's, must give each agent's chance as plain counts of it do, durations
        // coming between the rounds.
        Random random = new Random(17);
        DurationSamples samples = new DurationSamples();
        List<Long> all = new ArrayList<>();
        DurationSamples.Sums sums = new DurationSamples.Sums();
        int walked = 0;
        for (int round = 0; round < 200; round++) {
            for (int i = random.nextInt(40); i > 0; i--) {
                long millis = random.nextInt(5) == 0 ? 1000 * random.nextInt(200)
                        : (long) (90_000 * Math.exp(0.7 * random.nextGaussian()));
                samples.add(Duration.ofMillis(millis));
                all.add(millis);
            }
            int agents = 1 + random.nextInt(300);
            long now = 50_000_000 + round * 100L;
            BusySince busy = busyAgents(random, agents, now);
            long[] horizons = horizons(random);
            if (all.size() >= 20 * agents || samples.size() < Math.max(DurationSamples.ENOUGH, 2 * agents)) {
                continue;
            }
            walked++;

            samples.freeingWithin(busy, now, horizons, horizons.length, 2 * agents, sums);

            assertYoungWalkAsCountedPlainly(sums, samples, all, busy, now, horizons, round);
        }
        assertThat(walked).as("rounds walked while the campaign was young").isGreaterThan(50);
    }

    @Test
    void agentsWhoseWorkBeganAfterTheRoundsTimeAreCountedAsPlainly() {
        // A live server may stamp a connection a moment after the round read its clock: elapsed times below
        // zero, every agent's at times, so the walk's counts run into the sentinels ending its arrays with a
        // negative end. They must still count what plain counts give, bit for bit.
        Random random = new Random(18);
        DurationSamples samples = new DurationSamples();
        List<Long> all = new ArrayList<>();
        DurationSamples.Sums sums = new DurationSamples.Sums();
        int walkedAllAhead = 0;
        for (int round = 0; round < 400; round++) {
            for (int i = random.nextInt(4); i > 0; i--) {
                long millis = random.nextLong(5_000, 60_000);
                samples.add(Duration.ofMillis(millis));
                all.add(millis);
            }
            int agents = 4 + random.nextInt(20);
            long now = 50_000_000 + round * 100L;
            BusySince busy = new BusySince();
            for (int i = 0; i < agents; i++) {
                busy.add(now + random.nextLong(-2_000, 40_000));
            }
            long[] horizons = horizons(random);
            if (all.size() >= 20 * agents || samples.size() < Math.max(DurationSamples.ENOUGH, 2 * agents)) {
                continue;
            }
            walkedAllAhead += busy.ascending()[0] > now + 1 ? 1 : 0;

            samples.freeingWithin(busy, now, horizons, horizons.length, 2 * agents, sums);

            assertYoungWalkAsCountedPlainly(sums, samples, all, busy, now, horizons, round);
        }
        assertThat(walkedAllAhead).as("young rounds with every agent's work begun after the round's time")
                .isGreaterThan(20);
    }

    /**
     * A young campaign's walk ({@link #aYoungCampaignsWalkAddsWhatEachAgentCountedPlainlyGivesToTheLastBit})
     * summed, bit for bit, what each agent's chance counted plainly from every duration gives.
     */
    private static void assertYoungWalkAsCountedPlainly(DurationSamples.Sums sums, DurationSamples samples,
                                                        List<Long> all, BusySince busy, long now, long[] horizons,
                                                        int round) {
        int agents = busy.size();
        double[] mean = new double[horizons.length];
        double[] variance = new double[horizons.length];
        long[] since = busy.ascending();
        for (int i = agents - 1; i >= 0; i--) {
            long e = now - since[i];
            for (int h = 0; h < horizons.length; h++) {
                long horizon = horizons[h];
                long doneBefore = all.stream().filter(millis -> second(millis) <= second(e)).count();
                long ended = all.stream().filter(millis -> second(millis) <= second(e + horizon)).count();
                long sinceAgent = since[i];
                long beyond = Arrays.stream(since, 0, agents).filter(start -> start <= sinceAgent - horizon).count();
                double atRisk = all.size() - doneBefore + beyond + 0.5 * (i + 1 - beyond);
                double campaign = atRisk <= 0 ? 0 : (ended - doneBefore) / atRisk;
                double chance = Math.min(samples.endsWithin(e, horizon, 2 * agents), campaign);
                mean[h] += chance;
                variance[h] += chance * (1 - chance);
            }
        }
        assertSumsExactly(sums, mean, variance, "round %d: %d agents, horizons %s".formatted(round, agents,
                Arrays.toString(horizons)));
    }

    /** The walk's sums, for as many horizons as {@code mean} has, are these to the last bit. */
    private static void assertSumsExactly(DurationSamples.Sums sums, double[] mean, double[] variance, String round) {
        assertThat(Arrays.copyOf(sums.mean, mean.length)).as(round).containsExactly(mean);
        assertThat(Arrays.copyOf(sums.variance, variance.length)).as(round).containsExactly(variance);
    }

    /** The whole second a duration is counted in by the campaign, at most four hours. */
    private static long second(long millis) {
        return Math.clamp(millis / 1000, 0, 4 * 3600);
    }

    /** {@code agents} busy since times up to 400 s before {@code now}, one in ten on a whole second. */
    private static BusySince busyAgents(Random random, int agents, long now) {
        BusySince busy = new BusySince();
        for (int i = 0; i < agents; i++) {
            busy.add(now - (random.nextInt(10) == 0 ? 1000 * random.nextInt(300) : random.nextLong(400_000)));
        }
        return busy;
    }

    /** One to three horizons of up to 30 s, in no particular order (the sooner half, the later, the ring-age one). */
    private static long[] horizons(Random random) {
        long[] horizons = new long[1 + random.nextInt(DurationSamples.MOST_HORIZONS)];
        for (int h = 0; h < horizons.length; h++) {
            horizons[h] = random.nextLong(0, 30_000);
        }
        return horizons;
    }

    @Test
    void theHalvesAreTheMeansOfTheShorterAndTheLongerHalfOfTheSamples() {
        DurationSamples rings = new DurationSamples();
        for (int seconds : new int[] {9, 1, 5, 2, 10, 3, 4, 6, 8, 7, 40}) {
            rings.add(Duration.ofSeconds(seconds));
        }

        // 1-5 and 7-10, 40: the middle sample (6) is in neither.
        assertThat(rings.halves()).isEqualTo(new DurationSamples.Halves(Duration.ofSeconds(3), Duration.ofMillis(14_800)));
    }
}
