package dev.outdial.bench.pacing;

import dev.outdial.bench.BenchOptions;
import dev.outdial.engine.sim.scenario.RunFigures;
import dev.outdial.engine.sim.scenario.Scenario;
import dev.outdial.engine.sim.scenario.ScenarioRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code bench/limits-fuzz.sh}: issue 15's promise searched over random sessions. Draws seeded
 * scenario files ({@link RandomScenarios}), reads each through the same parser as
 * {@code ./outdial simulate}, runs predictive on several seeds and prints a row per day: the day's
 * abandon rate, its worst clock hour of at least 100 answers, occupancy and violations, flagged
 * where any is over the limit. A flagged day's file is written to {@code --out} with its seed, to
 * replay through {@code ./outdial simulate FILE --strategy predictive --seed N}. With
 * {@code --strategies}, each scenario also runs once (seed 1) through every other strategy the
 * simulator offers, and any exception is a flagged row: a valid file must never crash one.
 *
 * <p>Options: {@code --scenarios N} (default 150), {@code --seed S} (the generator's, default 1),
 * {@code --seeds K} (days per scenario, from 1; default 3), {@code --first N} (skip to scenario N),
 * {@code --strategies progressive,adaptive-baseline,oracle,fixed:2.0} (default none),
 * {@code --out DIR} (default {@code bench/target/limits-fuzz}). One thread: it runs beside others.
 */
public final class LimitsFuzz {

    private LimitsFuzz() {
    }

    public static void main(String[] args) throws IOException {
        int count = 150;
        long generatorSeed = 1;
        int seeds = 3;
        int first = 1;
        List<String> others = List.of();
        Path out = Path.of("bench/target/limits-fuzz");
        for (int i = 0; i < args.length; i += 2) {
            String value = BenchOptions.valueOf(args, i);
            switch (args[i]) {
                case "--scenarios" -> count = Integer.parseInt(value);
                case "--seed" -> generatorSeed = Long.parseLong(value);
                case "--seeds" -> seeds = Integer.parseInt(value);
                case "--first" -> first = Integer.parseInt(value);
                case "--strategies" -> others = List.of(value.split(","));
                case "--out" -> out = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (use --scenarios, --seed, --seeds, --first, --strategies, --out)");
            }
        }
        Files.createDirectories(out);
        long started = System.nanoTime();
        RandomScenarios generator = new RandomScenarios(new Random(generatorSeed));
        System.out.println("| # | scenario | seed | abandon | worst hour ≥ 100 | occupancy | violations | flag |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        int days = 0;
        List<String> flagged = new ArrayList<>();
        for (int n = 1; n < first + count; n++) {
            ObjectNode file = generator.next("fuzz-" + generatorSeed + "-" + n);
            if (n < first) {
                continue;
            }
            Scenario scenario = ScenarioFile.parse(file, "fuzz");
            for (long seed = 1; seed <= seeds; seed++) {
                String flag = day(n, scenario, "predictive", seed);
                days++;
                if (!flag.isEmpty()) {
                    flagged.add(n + " seed " + seed + ": " + flag);
                    save(out, file, n, seed);
                }
            }
            for (String strategy : others) {
                String flag = crashes(n, scenario, strategy);
                if (!flag.isEmpty()) {
                    flagged.add(n + " " + strategy + ": " + flag);
                    save(out, file, n, 1);
                }
            }
            System.out.flush();
        }
        System.out.printf(Locale.ROOT, "%n%d scenarios (generator seed %d, from #%d), %d predictive days, %d flagged, %.0f s%n",
                count, generatorSeed, first, days, flagged.size(), (System.nanoTime() - started) / 1e9);
        flagged.forEach(line -> System.out.println("flagged: " + line));
    }

    /** One day through the strategy, its row printed; the flag: what broke (empty if nothing did). */
    private static String day(int n, Scenario scenario, String strategy, long seed) {
        RunFigures day;
        try {
            day = ScenarioRunner.run(scenario, strategy, seed);
        } catch (RuntimeException | StackOverflowError crash) {
            System.out.printf(Locale.ROOT, "| %d | %s | %d | – | – | – | – | **%s crashed: %s** |%n", n, scenario.name(), seed,
                    strategy, crash);
            return strategy + " crashed: " + crash;
        }
        List<String> broken = new ArrayList<>();
        if (day.abandonRate() > scenario.maxAbandonRate()) {
            broken.add("day over");
        }
        if (day.maxCountedHourlyAbandonRate() > scenario.maxAbandonRate()) {
            broken.add("hour over");
        }
        if (day.violations() > 0) {
            broken.add("violations");
        }
        String flag = String.join(", ", broken);
        System.out.printf(Locale.ROOT, "| %d | %s | %d | %.2f %% (%d/%d) | %.2f %% | %.3f | %d | %s |%n", n, scenario.name(), seed,
                100 * day.abandonRate(), day.abandoned(), day.answered(), 100 * day.maxCountedHourlyAbandonRate(),
                day.occupancy(), day.violations(), flag.isEmpty() ? "" : "**" + flag + "**");
        return flag;
    }

    /** A strategy other than predictive, once: only a crash or a violation flags it (the limit is predictive's promise). */
    private static String crashes(int n, Scenario scenario, String strategy) {
        try {
            RunFigures day = ScenarioRunner.run(scenario, strategy, 1);
            return day.violations() > 0 ? day.violations() + " violations" : "";
        } catch (RuntimeException | StackOverflowError crash) {
            System.out.printf(Locale.ROOT, "| %d | %s | 1 | – | – | – | – | **%s crashed: %s** |%n", n, scenario.name(), strategy,
                    crash);
            return "crashed: " + crash;
        }
    }

    private static void save(Path out, ObjectNode file, int n, long seed) {
        ObjectNode copy = file.deepCopy();
        copy.put("seed", seed);
        try {
            Files.writeString(out.resolve("fuzz-" + n + "-seed-" + seed + ".json"),
                    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(copy));
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }
}
