package dev.outdial.bench.pacing;

import dev.outdial.engine.sim.Distribution;
import dev.outdial.engine.sim.scenario.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code bench/pacing.sh --suite limits}: issue 15's scenarios, the kinds of session that broke
 * the abandon limit or stayed far from the oracle (an hour of ten-minute talks answered four times
 * in five with a 2 s maximum wait, 8 agents at one answer in five, 80 % answered, one in three
 * answered after 10 s with 90 s talks, the answer rate falling from 40 % to 10 % within ten
 * minutes, a 100-agent day whose answer rate drifts four times), each on several seeds through predictive, progressive, the
 * oracle and the best fixed ratio in hindsight. One row per scenario and strategy: mean and worst
 * abandon rate over the seeds, the worst clock hour of at least 100 answers, mean occupancy, and
 * predictive's occupancy as a share of the oracle's and of the best fixed ratio's (mean of the
 * seeds' ratios).
 */
final class LimitsMatrix {

    static final List<String> STRATEGIES = List.of("predictive", "progressive", "oracle", PacingMatrix.BEST_FIXED);
    /** Agent-minutes above which the best fixed ratio is not searched: a 100-agent day would take hours on 5 seeds. */
    private static final int MOST_SEARCHED = 20_000;
    private static final String NOT_SEARCHED = "best fixed: not searched";

    private LimitsMatrix() {
    }

    /** One scenario on one seed: its rows by strategy, in {@link #STRATEGIES}' order. */
    record SeedRows(Scenario scenario, long seed, List<Map<String, Object>> rows) {
    }

    static void run(int seeds, long firstSeed, int threads, List<String> strategies)
            throws InterruptedException, ExecutionException {
        long started = System.nanoTime();
        List<Scenario> scenarios = scenarios();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<SeedRows>> results = new ArrayList<>();
        for (Scenario scenario : scenarios.stream().sorted(Comparator.comparingInt(LimitsMatrix::cost).reversed()).toList()) {
            for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
                long runSeed = seed;
                results.add(pool.submit(() -> new SeedRows(scenario, runSeed, rows(scenario, strategies, runSeed))));
            }
        }
        List<SeedRows> done = new ArrayList<>();
        for (Future<SeedRows> result : results) {
            done.add(result.get());
        }
        pool.shutdown();
        System.out.println(table(scenarios, strategies, done));
        System.out.printf(Locale.ROOT, "%n%d scenarios × %d seeds (from %d), %d threads, %.0f s in all%n", scenarios.size(),
                seeds, firstSeed, threads, (System.nanoTime() - started) / 1e9);
    }

    /**
     * Every strategy's row on one seed; the best fixed ratio is searched only on sessions of up to
     * {@link #MOST_SEARCHED} agent-minutes (its bisection runs the day seven times or so), else its
     * row is left empty and the ratios to it are "–".
     */
    private static List<Map<String, Object>> rows(Scenario scenario, List<String> strategies, long seed) {
        boolean search = cost(scenario) <= MOST_SEARCHED;
        List<Map<String, Object>> rows = new ArrayList<>(PacingMatrix.runAll(scenario,
                strategies.stream().filter(strategy -> search || !strategy.equals(PacingMatrix.BEST_FIXED)).toList(), seed).rows());
        int bestFixed = strategies.indexOf(PacingMatrix.BEST_FIXED);
        if (!search && bestFixed >= 0) {
            rows.add(bestFixed, Map.of("strategy", NOT_SEARCHED));
        }
        return rows;
    }

    /** Agent-hours: what a scenario costs to run, so the longest start first. */
    private static int cost(Scenario scenario) {
        return (int) (scenario.agents() * scenario.duration().toMinutes());
    }

    static List<Scenario> scenarios() {
        Distribution ring = Distribution.logNormal(Duration.ofSeconds(8), 0.4);
        Distribution wrapUp = Distribution.uniform(Duration.ofSeconds(5), Duration.ofSeconds(20));
        Distribution patience = Distribution.exponential(Duration.ofSeconds(30));
        List<Scenario.AnswerStep> drop = List.of(new Scenario.AnswerStep(Duration.ZERO, 0.4),
                new Scenario.AnswerStep(Duration.ofMinutes(60), 0.34), new Scenario.AnswerStep(Duration.ofMinutes(62), 0.28),
                new Scenario.AnswerStep(Duration.ofMinutes(64), 0.22), new Scenario.AnswerStep(Duration.ofMinutes(66), 0.16),
                new Scenario.AnswerStep(Duration.ofMinutes(68), 0.10));
        return List.of(
                new Scenario("50 agents, 58 min, 80 %, talk 500–600 s, wait 2 s", 1, 50, 2500, Duration.ofMinutes(58),
                        0.03, Duration.ofSeconds(2), 200, 1, Duration.ofHours(1), steady(0.8), 0.1, Duration.ofSeconds(30),
                        Distribution.uniform(Duration.ofSeconds(15), Duration.ofSeconds(25)),
                        Distribution.uniform(Duration.ofSeconds(500), Duration.ofSeconds(600)),
                        Distribution.constant(Duration.ZERO), patience),
                new Scenario("8 agents, 4 h, 20 %, talk exp. 4 min", 1, 8, 4000, Duration.ofHours(4), 0.03,
                        Duration.ofSeconds(15), 32, 3, Duration.ofHours(1), steady(0.2), 0.1, Duration.ofSeconds(25), ring,
                        Distribution.exponential(Duration.ofMinutes(4)), wrapUp, patience),
                new Scenario("50 agents, 4 h, 80 %, talk 60–120 s", 1, 50, 12000, Duration.ofHours(4), 0.03,
                        Duration.ofSeconds(15), 200, 3, Duration.ofHours(1), steady(0.8), 0.1, Duration.ofSeconds(25), ring,
                        Distribution.uniform(Duration.ofSeconds(60), Duration.ofSeconds(120)), wrapUp, patience),
                new Scenario("25 agents, 4 h, 1 in 3, ring 10 s, talk exp. 90 s", 1, 25, 15000, Duration.ofHours(4), 0.03,
                        Duration.ofSeconds(15), 100, 3, Duration.ofHours(1), steady(0.333), 0.1, Duration.ofSeconds(25),
                        Distribution.constant(Duration.ofSeconds(10)), Distribution.exponential(Duration.ofSeconds(90)),
                        Distribution.constant(Duration.ZERO), patience),
                new Scenario("30 agents, 2 h, 40 → 10 % in 10 min", 1, 30, 12000, Duration.ofHours(2), 0.03,
                        Duration.ofSeconds(15), 150, 3, Duration.ofHours(1), drop, 0.1, Duration.ofSeconds(25), ring,
                        Distribution.logNormal(Duration.ofSeconds(90), 0.6), wrapUp, patience),
                // bench/scenarios/drifting-100.json: the day whose worst hour the issue found at 4.0 %.
                new Scenario("100 agents, 8 h, 35 → 25 → 12 → 22 %", 1, 100, 80000, Duration.ofHours(8), 0.03,
                        Duration.ofSeconds(15), 400, 3, Duration.ofHours(1), driftingDay(), 0.1, Duration.ofSeconds(25), ring,
                        Distribution.logNormal(Duration.ofMinutes(2), 0.6), wrapUp, patience));
    }

    /** 35 % from 09:00, 25 % from 11:00, 12 % from 13:00, 22 % from 15:00. */
    private static List<Scenario.AnswerStep> driftingDay() {
        return List.of(new Scenario.AnswerStep(Duration.ZERO, 0.35), new Scenario.AnswerStep(Duration.ofHours(2), 0.25),
                new Scenario.AnswerStep(Duration.ofHours(4), 0.12), new Scenario.AnswerStep(Duration.ofHours(6), 0.22));
    }

    private static List<Scenario.AnswerStep> steady(double probability) {
        return List.of(new Scenario.AnswerStep(Duration.ZERO, probability));
    }

    static String table(List<Scenario> scenarios, List<String> strategies, List<SeedRows> runs) {
        StringBuilder table = new StringBuilder("| scenario | strategy | seeds | abandon mean / worst | worst hour ≥ 100 answers "
                + "| occupancy | ÷ oracle | ÷ best fixed | violations |\n|---|---|---|---|---|---|---|---|---|\n");
        for (Scenario scenario : scenarios) {
            List<SeedRows> seeds = runs.stream().filter(run -> run.scenario() == scenario).toList();
            for (int i = 0; i < strategies.size(); i++) {
                int at = i;
                List<Map<String, Object>> rows = seeds.stream().map(run -> run.rows().get(at)).toList();
                if (rows.stream().anyMatch(row -> NOT_SEARCHED.equals(row.get("strategy")))) {
                    table.append("| ").append(scenario.name()).append(" | best fixed (not searched) | – | – | – | – | – | – | – |\n");
                    continue;
                }
                table.append(String.format(Locale.ROOT, "| %s | %s | %d | %.2f / %.2f %% | %.2f %% | %.1f %% | %s | %s | %d |%n",
                        scenario.name(), strategies.get(i).equals(PacingMatrix.BEST_FIXED) ? "best fixed ("
                                + rows.stream().map(row -> ((String) row.get("strategy")).replace("best fixed:", ""))
                                .toList() + ")" : strategies.get(i),
                        rows.size(), 100 * mean(rows, "abandonRate"), 100 * max(rows, "abandonRate"),
                        100 * max(rows, "maxCountedHourlyAbandonRate"), 100 * mean(rows, "occupancy"),
                        ratio(seeds, at, strategies.indexOf("oracle")),
                        ratio(seeds, at, strategies.indexOf(PacingMatrix.BEST_FIXED)),
                        (int) rows.stream().mapToDouble(row -> number(row, "violations")).sum()));
            }
        }
        return table.toString();
    }

    /** The mean over the seeds of this strategy's occupancy ÷ the other's on the same seed; "–" without the other. */
    private static String ratio(List<SeedRows> seeds, int strategy, int other) {
        if (other < 0) {
            return "–";
        }
        if (seeds.stream().anyMatch(run -> !run.rows().get(other).containsKey("occupancy"))) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.3f", seeds.stream().mapToDouble(run ->
                number(run.rows().get(strategy), "occupancy") / number(run.rows().get(other), "occupancy")).average().orElse(0));
    }

    private static double mean(List<Map<String, Object>> rows, String key) {
        return rows.stream().mapToDouble(row -> number(row, key)).average().orElse(0);
    }

    private static double max(List<Map<String, Object>> rows, String key) {
        return rows.stream().mapToDouble(row -> number(row, key)).max().orElse(0);
    }

    private static double number(Map<String, Object> row, String key) {
        return ((Number) row.get(key)).doubleValue();
    }
}
