package dev.outdial.bench.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.ObjectMapper;

class SimulateTest {

    /**
     * Issue 6's output keys, in its order, issue 15's worst hour of at least 100 answers after the
     * worst hour, and the CPU time the day cost at the end.
     */
    static final List<String> OUTPUT_KEYS = List.of("scenario", "strategy", "seed", "agents", "simulatedSeconds",
            "dials", "answered", "connected", "abandoned", "abandonRate", "maxHourlyAbandonRate",
            "maxCountedHourlyAbandonRate", "occupancy",
            "talkMinutesPerAgentHour", "connectsPerAgentHour", "meanWaitSeconds", "p95WaitSeconds", "violations",
            "wallSeconds", "eventsPerSecond", "cpuSeconds");

    static final String SHORT_DAY = """
            {"name": "short", "seed": 3, "agents": 4, "customers": 600, "duration": "PT1H",
             "answerProbability": [{"from": 0, "probability": 0.35}, {"from": "PT30M", "probability": 0.12}]}""";

    @TempDir
    Path folder;

    @Test
    void printsExactlyIssue6sKeys() throws IOException {
        Run run = simulate(file(SHORT_DAY), "--strategy", "predictive");

        assertThat(run.status()).isZero();
        assertThat(new ArrayList<>(json(run.out()).keySet())).containsExactlyElementsOf(OUTPUT_KEYS);
        assertThat(json(run.out())).containsEntry("scenario", "short").containsEntry("strategy", "predictive")
                .containsEntry("seed", 3).containsEntry("violations", 0);
    }

    @Test
    void theSameSeedGivesTheSameJsonButForTheWallClock() throws IOException {
        Path scenario = file(SHORT_DAY);
        for (String strategy : List.of("predictive", "progressive", "fixed:1.8", "adaptive-baseline", "oracle")) {
            Map<String, Object> first = withoutWallClock(json(simulate(scenario, "--strategy", strategy, "--seed", "5").out()));
            Map<String, Object> again = withoutWallClock(json(simulate(scenario, "--strategy", strategy, "--seed", "5").out()));
            Map<String, Object> other = withoutWallClock(json(simulate(scenario, "--strategy", strategy, "--seed", "6").out()));

            assertThat(again).as(strategy).isEqualTo(first);
            assertThat(other).as(strategy).isNotEqualTo(first);
        }
    }

    @Test
    void aBadScenarioExitsWith2NamingTheKey() throws IOException {
        Run run = simulate(file("{\"agents\": 4, \"talkTime\": 120}"));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("unknown key 'talkTime'");
    }

    @Test
    void aBadOptionOrStrategyExitsWith2() throws IOException {
        Path scenario = file(SHORT_DAY);

        assertThat(simulate(scenario, "--strategy", "fastest").err()).contains("unknown strategy 'fastest'");
        assertThat(simulate(scenario, "--strategy", "fixed:0.5").status()).isEqualTo(2);
        assertThat(simulate(scenario, "--seed", "x").err()).contains("--seed needs a whole number");
        assertThat(simulate(scenario, "--speed", "1").err()).contains("unknown option --speed");
        assertThat(simulate(scenario, "--seed").err()).contains("--seed needs a value");
        assertThat(simulate(folder.resolve("missing.json")).err()).contains("not a readable JSON file");
        assertThat(simulate(file("{\"agents\": 4,")).status()).isEqualTo(2);
    }

    @Test
    void aPredictiveScenarioOutsideTheSettingsRangeIsNamed() throws IOException {
        Run run = simulate(file("{\"agents\": 2, \"maxAbandonRate\": 0.5}"), "--strategy", "predictive");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("maxAbandonRate");
    }

    private Path file(String json) throws IOException {
        Path file = Files.createTempFile(folder, "scenario", ".json");
        Files.writeString(file, json);
        return file;
    }

    private static Map<String, Object> withoutWallClock(Map<String, Object> figures) {
        figures.remove("wallSeconds");
        figures.remove("eventsPerSecond");
        figures.remove("cpuSeconds");
        return figures;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String out) {
        return new ObjectMapper().readValue(out, java.util.LinkedHashMap.class);
    }

    private static Run simulate(Path scenario, String... options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = new String[options.length + 1];
        args[0] = scenario.toString();
        System.arraycopy(options, 0, args, 1, options.length);
        int status = Simulate.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    record Run(int status, String out, String err) {
    }
}
