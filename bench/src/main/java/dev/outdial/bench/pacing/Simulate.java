package dev.outdial.bench.pacing;

import dev.outdial.engine.sim.scenario.RunFigures;
import dev.outdial.engine.sim.scenario.Scenario;
import dev.outdial.engine.sim.scenario.ScenarioRunner;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code ./outdial simulate SCENARIO.json [--strategy S] [--seed N]}: runs the scenario's day
 * through the real engine in virtual time and prints one JSON object of figures. Exit code 2 for
 * a scenario or an option that cannot be run, with the key at fault.
 */
public final class Simulate {

    private Simulate() {
    }

    public static void main(String[] args) {
        int status = execute(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** The command without the exit: 0 with the JSON on {@code out}, 2 with the reason on {@code err}. */
    static int execute(String[] args, PrintStream out, PrintStream err) {
        try {
            out.println(new ObjectMapper().writeValueAsString(run(args)));
            return 0;
        } catch (ScenarioException | IllegalArgumentException refused) {
            err.println("outdial simulate: " + refused.getMessage());
            return 2;
        }
    }

    static Map<String, Object> run(String[] args) {
        if (args.length == 0 || args[0].startsWith("--")) {
            throw new ScenarioException("usage: simulate SCENARIO.json [--strategy S] [--seed N]");
        }
        Scenario scenario = ScenarioFile.read(Path.of(args[0]));
        String strategy = "predictive";
        long seed = scenario.seed();
        for (int i = 1; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new ScenarioException("option " + args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--strategy" -> strategy = args[i + 1];
                case "--seed" -> seed = parseSeed(args[i + 1]);
                default -> throw new ScenarioException("unknown option " + args[i] + " (use --strategy or --seed)");
            }
        }
        return timed(scenario, strategy, seed);
    }

    /**
     * The figures with the wall-clock time the run took, which only this side may read, and the CPU
     * time of the thread that ran the day: on a machine shared with other work the wall time is the
     * share of the cores the day got, its CPU time what the day cost.
     */
    static Map<String, Object> timed(Scenario scenario, String strategy, long seed) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long started = System.nanoTime();
        long cpuStarted = threads.getCurrentThreadCpuTime();
        RunFigures figures = ScenarioRunner.run(scenario, strategy, seed);
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
        double wallSeconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> out = new ObjectMapper().convertValue(figures, LinkedHashMap.class);
        out.remove("events");
        out.put("wallSeconds", round(wallSeconds));
        out.put("eventsPerSecond", Math.round(figures.events() / wallSeconds));
        out.put("cpuSeconds", round(cpuSeconds));
        out.replaceAll((key, value) -> value instanceof Double number ? round(number) : value);
        return out;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    private static long parseSeed(String seed) {
        try {
            return Long.parseLong(seed);
        } catch (NumberFormatException notANumber) {
            throw new ScenarioException("--seed needs a whole number, was '" + seed + "'");
        }
    }
}
