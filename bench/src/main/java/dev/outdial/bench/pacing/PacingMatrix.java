package dev.outdial.bench.pacing;

import dev.outdial.bench.BenchOptions;
import dev.outdial.engine.sim.Distribution;
import dev.outdial.engine.sim.scenario.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code bench/pacing.sh}: issue 6's pacing benchmark. Runs each scenario of the matrix (10, 50
 * and 200 agents × a stationary answer rate or one falling from 35 % to 12 % mid-day × long or
 * short talk) through every strategy, plus the best fixed ratio in hindsight (the highest
 * {@code fixed:R}, R from 1.0 to 8.0 in steps of 0.1, whose day keeps the abandon limit, found by
 * bisection), and prints one Markdown table. Scenarios run on a small thread pool; each run is one
 * thread.
 *
 * <p>Options: {@code --agents 10,50} and {@code --strategies predictive,best-fixed} (a part of the
 * matrix), {@code --seed N}, {@code --threads N}; {@code --suite limits} runs issue 15's
 * {@link LimitsMatrix} instead, on {@code --seeds N} seeds from {@code --seed}.
 */
public final class PacingMatrix {

    static final String BEST_FIXED = "best-fixed";
    static final List<String> STRATEGIES = List.of("predictive", "progressive", "adaptive-baseline", "oracle", BEST_FIXED);
    private static final double LOWEST_RATIO = 1.0;
    private static final double HIGHEST_RATIO = 8.0;

    private PacingMatrix() {
    }

    /** One scenario's rows, the best fixed ratio's among them. */
    record ScenarioRows(Scenario scenario, List<Map<String, Object>> rows) {
    }

    public static void main(String[] args) throws InterruptedException, ExecutionException {
        List<Integer> agents = List.of(10, 50, 200);
        long seed = 7;
        int threads = 2;
        List<String> strategies = null;
        String suite = "day";
        int seeds = 1;
        for (int i = 0; i < args.length; i += 2) {
            String value = BenchOptions.valueOf(args, i);
            switch (args[i]) {
                case "--suite" -> suite = value;
                case "--seeds" -> seeds = Integer.parseInt(value);
                case "--agents" -> agents = Arrays.stream(value.split(",")).map(String::trim).map(Integer::valueOf).toList();
                case "--seed" -> seed = Long.parseLong(value);
                case "--threads" -> threads = Integer.parseInt(value);
                case "--strategies" -> strategies = List.of(value.split(","));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (use --suite, --agents, --strategies, --seed, --seeds, --threads)");
            }
        }
        if (suite.equals("limits")) {
            LimitsMatrix.run(seeds, seed, threads, strategies == null ? LimitsMatrix.STRATEGIES : strategies);
            return;
        }
        if (!suite.equals("day")) {
            throw new IllegalArgumentException("--suite is day (issue 6's matrix) or limits (issue 15's), was " + suite);
        }
        if (strategies == null) {
            strategies = STRATEGIES;
        }
        long started = System.nanoTime();
        List<Scenario> matrix = matrix(agents);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<ScenarioRows>> results = new ArrayList<>();
        long runSeed = seed;
        List<String> chosen = strategies;
        // The longest first, so the pool's threads finish together.
        matrix.stream().sorted(Comparator.comparingInt(Scenario::agents).reversed())
                .forEach(scenario -> results.add(pool.submit(() -> runAll(scenario, chosen, runSeed))));
        List<ScenarioRows> done = new ArrayList<>();
        for (Future<ScenarioRows> result : results) {
            done.add(result.get());
        }
        pool.shutdown();
        done.sort(Comparator.comparingInt((ScenarioRows rows) -> matrix.indexOf(rows.scenario())));
        System.out.println(table(done));
        System.out.printf(Locale.ROOT, "%n%d scenarios, seed %d, %d threads, %.0f s in all%n", matrix.size(), seed, threads,
                (System.nanoTime() - started) / 1e9);
    }

    /** The matrix of issue 6, in the order the table shows it. */
    static List<Scenario> matrix(List<Integer> agentCounts) {
        List<Scenario> matrix = new ArrayList<>();
        for (int agents : agentCounts) {
            for (boolean falling : List.of(false, true)) {
                for (boolean longTalk : List.of(true, false)) {
                    matrix.add(scenario(agents, falling, longTalk));
                }
            }
        }
        return matrix;
    }

    /**
     * An 8-hour day: ring lognormal median 8 s, wrap-up 5–20 s, patience exponential mean 30 s, 3 %
     * abandon limit, 15 s maximum wait; long talk lognormal median 3 min, short 45 s; the answer
     * rate 30 % all day, or 35 % until 13:00 and 12 % after.
     */
    static Scenario scenario(int agents, boolean falling, boolean longTalk) {
        List<Scenario.AnswerStep> answers = falling
                ? List.of(new Scenario.AnswerStep(Duration.ZERO, 0.35), new Scenario.AnswerStep(Duration.ofHours(4), 0.12))
                : List.of(new Scenario.AnswerStep(Duration.ZERO, 0.30));
        String name = agents + " agents, " + (falling ? "35→12 %" : "30 %") + ", " + (longTalk ? "long" : "short") + " talk";
        return new Scenario(name, 7, agents, agents * (longTalk ? 600 : 1500), Duration.ofHours(8), 0.03,
                Duration.ofSeconds(15), agents * 4, 3, Duration.ofMinutes(60), answers, 0.1, Duration.ofSeconds(25),
                Distribution.logNormal(Duration.ofSeconds(8), 0.4),
                Distribution.logNormal(Duration.ofSeconds(longTalk ? 180 : 45), 0.6),
                Distribution.uniform(Duration.ofSeconds(5), Duration.ofSeconds(20)),
                Distribution.exponential(Duration.ofSeconds(30)));
    }

    static ScenarioRows runAll(Scenario scenario, List<String> strategies, long seed) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String strategy : strategies) {
            rows.add(strategy.equals(BEST_FIXED) ? bestFixedRatio(scenario, seed) : Simulate.timed(scenario, strategy, seed));
            // Each row on stderr as it comes: the table comes when every scenario is done.
            System.err.print(row(scenario, rows.getLast()));
        }
        return new ScenarioRows(scenario, rows);
    }

    /**
     * The highest ratio whose day keeps the abandon limit: more calls per free agent never lowers the
     * occupancy, so it is also the best one. Bisection over tenths, taking the abandon rate as rising
     * with the ratio; the row's wall time is the whole search's.
     */
    static Map<String, Object> bestFixedRatio(Scenario scenario, long seed) {
        long started = System.nanoTime();
        // fixed:1.0 (one call per free agent) keeps any limit and fixed:8.0 none of issue 6's: the
        // search starts from there without running either, which saves two days of the 200-agent runs.
        int low = (int) Math.round(LOWEST_RATIO * 10);
        int high = (int) Math.round(HIGHEST_RATIO * 10);
        Map<String, Object> best = null;
        while (high - low > 1) {
            int mid = (low + high) >>> 1;
            Map<String, Object> tried = run(scenario, mid, seed);
            if (keepsLimit(tried, scenario)) {
                low = mid;
                best = tried;
            } else {
                high = mid;
            }
        }
        if (best == null) {
            best = run(scenario, low, seed);
        }
        best.put("strategy", "best " + best.get("strategy"));
        best.put("wallSeconds", Math.round((System.nanoTime() - started) / 1e8) / 10.0);
        return best;
    }

    private static Map<String, Object> run(Scenario scenario, int tenths, long seed) {
        return Simulate.timed(scenario, String.format(Locale.ROOT, "fixed:%.1f", tenths / 10.0), seed);
    }

    private static boolean keepsLimit(Map<String, Object> figures, Scenario scenario) {
        return ((Number) figures.get("abandonRate")).doubleValue() <= scenario.maxAbandonRate();
    }

    static String table(List<ScenarioRows> scenarios) {
        StringBuilder table = new StringBuilder("| scenario | strategy | abandon rate | worst hour | occupancy "
                + "| connects / agent-hour | mean / p95 wait (s) | violations | wall (s) |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        for (ScenarioRows scenario : scenarios) {
            for (Map<String, Object> row : scenario.rows()) {
                table.append(row(scenario.scenario(), row));
            }
        }
        return table.toString();
    }

    private static String row(Scenario scenario, Map<String, Object> row) {
        return String.format(Locale.ROOT, "| %s | %s | %.2f %% | %.2f %% | %.1f %% | %.1f | %.2f / %.1f | %d | %.1f |%n",
                scenario.name(), row.get("strategy"), percent(row, "abandonRate"),
                percent(row, "maxHourlyAbandonRate"), percent(row, "occupancy"),
                number(row, "connectsPerAgentHour"), number(row, "meanWaitSeconds"),
                number(row, "p95WaitSeconds"), ((Number) row.get("violations")).intValue(),
                number(row, "wallSeconds"));
    }

    private static double percent(Map<String, Object> row, String key) {
        return number(row, key) * 100;
    }

    private static double number(Map<String, Object> row, String key) {
        return ((Number) row.get(key)).doubleValue();
    }
}
