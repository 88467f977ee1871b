package dev.outdial.bench.pacing;

import dev.outdial.engine.sim.Distribution;
import dev.outdial.engine.sim.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads issue 6's scenario file into a {@link Scenario}. Durations are ISO-8601 ({@code "PT8H"})
 * or seconds; an answer-rate step's {@code from} may also be a clock time ({@code "12:00"}) on the
 * simulated day, which starts at 09:00 on the clock of the scenario's {@code zone} (a time-zone name
 * such as {@code "Asia/Kolkata"}, or an offset; UTC when absent), whose clock hours the abandon
 * limit and the worst hour count. Absent keys take the defaults below; an unknown key, or a
 * value of the wrong kind, is a {@link ScenarioException} naming the key, so a typo is never
 * silently a default.
 */
final class ScenarioFile {

    private static final Set<String> KEYS = Set.of("name", "seed", "agents", "customers", "duration", "maxAbandonRate",
            "maxWaitSeconds", "maxConcurrentCalls", "maxCallsPerCustomer", "retryGapMinutes", "answerProbability",
            "busyProbability", "noAnswerTimeoutSeconds", "ringSeconds", "talkSeconds", "wrapUpSeconds", "patienceSeconds",
            "zone");
    private static final LocalTime DAY_STARTS = LocalTime.of(9, 0);

    private ScenarioFile() {
    }

    static Scenario read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException | JacksonException unreadable) {
            throw new ScenarioException(file + ": not a readable JSON file: " + unreadable.getMessage());
        }
        return parse(root, file.getFileName().toString().replaceFirst("\\.json$", ""));
    }

    static Scenario parse(JsonNode root, String defaultName) {
        if (root == null || !root.isObject()) {
            throw new ScenarioException("a scenario is a JSON object");
        }
        for (String key : root.propertyNames()) {
            if (!KEYS.contains(key)) {
                throw new ScenarioException("unknown key '" + key + "'");
            }
        }
        int agents = integer(root, "agents", 20, 1);
        List<Scenario.AnswerStep> answerRates = answerSteps(root);
        double busy = probability(root, "busyProbability", 0.1);
        for (Scenario.AnswerStep step : answerRates) {
            if (step.probability() + busy > 1) {
                throw new ScenarioException("'answerProbability' " + step.probability() + " and 'busyProbability' "
                        + busy + " add up to more than 1");
            }
        }
        Duration maxWait = duration(root, "maxWaitSeconds", Duration.ofSeconds(15));
        if (maxWait.isZero()) {
            throw new ScenarioException("'maxWaitSeconds' must be more than 0");
        }
        return new Scenario(
                root.has("name") ? text(root.get("name"), "name") : defaultName,
                root.has("seed") ? integerNode(root.get("seed"), "seed") : 1,
                agents,
                integer(root, "customers", agents * 400, 0),
                duration(root, "duration", Duration.ofHours(8)),
                probability(root, "maxAbandonRate", 0.03),
                maxWait,
                integer(root, "maxConcurrentCalls", agents * 3, 1),
                integer(root, "maxCallsPerCustomer", 3, 1),
                root.has("retryGapMinutes") ? Duration.ofMinutes(integer(root, "retryGapMinutes", 0, 0)) : Duration.ofHours(1),
                answerRates,
                busy,
                duration(root, "noAnswerTimeoutSeconds", Duration.ofSeconds(25)),
                distribution(root, "ringSeconds", Distribution.logNormal(Duration.ofSeconds(8), 0.4)),
                distribution(root, "talkSeconds", Distribution.logNormal(Duration.ofSeconds(120), 0.6)),
                distribution(root, "wrapUpSeconds", Distribution.uniform(Duration.ofSeconds(5), Duration.ofSeconds(20))),
                distribution(root, "patienceSeconds", Distribution.exponential(Duration.ofSeconds(30))),
                root.has("zone") ? zone(root.get("zone")) : ZoneOffset.UTC);
    }

    private static ZoneId zone(JsonNode node) {
        String name = text(node, "zone");
        try {
            return ZoneId.of(name);
        } catch (DateTimeException unknown) {
            throw new ScenarioException("'zone' must be a time zone such as \"Asia/Kolkata\" or an offset such as "
                    + "\"+05:30\", was '" + name + "'");
        }
    }

    private static List<Scenario.AnswerStep> answerSteps(JsonNode root) {
        JsonNode node = root.get("answerProbability");
        if (node == null) {
            return List.of(new Scenario.AnswerStep(Duration.ZERO, 0.3));
        }
        if (node.isNumber()) {
            return List.of(new Scenario.AnswerStep(Duration.ZERO, probability(node, "answerProbability")));
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new ScenarioException("'answerProbability' must be a number or a list of {\"from\", \"probability\"} steps");
        }
        List<Scenario.AnswerStep> steps = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String key = "answerProbability[" + i + "]";
            JsonNode step = node.get(i);
            requireKeys(step, key, Set.of("from", "probability"));
            Duration from = step.has("from") ? stepStart(step.get("from"), key + ".from") : Duration.ZERO;
            if (!steps.isEmpty() && from.compareTo(steps.getLast().from()) <= 0) {
                throw new ScenarioException("'" + key + ".from' must come after the step before it");
            }
            steps.add(new Scenario.AnswerStep(from, probability(required(step, "probability", key), key + ".probability")));
        }
        if (!steps.getFirst().from().isZero()) {
            steps.addFirst(new Scenario.AnswerStep(Duration.ZERO, steps.getFirst().probability()));
        }
        return steps;
    }

    private static Duration stepStart(JsonNode node, String key) {
        if (node.isString() && node.asString().matches("\\d{1,2}:\\d{2}")) {
            try {
                return Duration.between(DAY_STARTS, LocalTime.parse(String.format("%5s", node.asString()).replace(' ', '0')));
            } catch (DateTimeParseException bad) {
                throw new ScenarioException("'" + key + "' is not a clock time: " + node.asString());
            }
        }
        return durationNode(node, key);
    }

    private static Distribution distribution(JsonNode root, String key, Distribution fallback) {
        JsonNode node = root.get(key);
        if (node == null) {
            return fallback;
        }
        if (node.isNumber() || node.isString()) {
            return Distribution.constant(durationNode(node, key));
        }
        String shape = text(required(node, "distribution", key), key + ".distribution");
        try {
            return switch (shape) {
                case "constant" -> {
                    requireKeys(node, key, Set.of("distribution", "value"));
                    yield Distribution.constant(durationNode(required(node, "value", key), key + ".value"));
                }
                case "exponential" -> {
                    requireKeys(node, key, Set.of("distribution", "mean"));
                    yield Distribution.exponential(durationNode(required(node, "mean", key), key + ".mean"));
                }
                case "lognormal" -> {
                    requireKeys(node, key, Set.of("distribution", "median", "sigma"));
                    yield Distribution.logNormal(durationNode(required(node, "median", key), key + ".median"),
                            number(required(node, "sigma", key), key + ".sigma"));
                }
                case "uniform" -> {
                    requireKeys(node, key, Set.of("distribution", "min", "max"));
                    yield Distribution.uniform(durationNode(required(node, "min", key), key + ".min"),
                            durationNode(required(node, "max", key), key + ".max"));
                }
                default -> throw new ScenarioException("'" + key + ".distribution' must be constant, exponential, "
                        + "lognormal or uniform, was '" + shape + "'");
            };
        } catch (IllegalArgumentException invalid) {
            throw new ScenarioException("'" + key + "': " + invalid.getMessage());
        }
    }

    private static void requireKeys(JsonNode node, String key, Set<String> allowed) {
        if (!node.isObject()) {
            throw new ScenarioException("'" + key + "' must be an object");
        }
        for (String name : node.propertyNames()) {
            if (!allowed.contains(name)) {
                throw new ScenarioException("unknown key '" + key + "." + name + "'");
            }
        }
    }

    private static JsonNode required(JsonNode node, String name, String key) {
        JsonNode value = node.get(name);
        if (value == null) {
            throw new ScenarioException("'" + key + "' needs '" + name + "'");
        }
        return value;
    }

    private static Duration duration(JsonNode root, String key, Duration fallback) {
        return root.has(key) ? durationNode(root.get(key), key) : fallback;
    }

    private static Duration durationNode(JsonNode node, String key) {
        if (node.isNumber() && node.asDouble() >= 0) {
            return Duration.ofMillis(Math.round(node.asDouble() * 1000));
        }
        if (node.isString()) {
            try {
                Duration parsed = Duration.parse(node.asString());
                if (!parsed.isNegative()) {
                    return parsed;
                }
            } catch (DateTimeParseException notIso) {
                // Named below.
            }
        }
        throw new ScenarioException("'" + key + "' must be seconds or an ISO-8601 duration such as \"PT8H\", was " + node);
    }

    private static int integer(JsonNode root, String key, int fallback, int least) {
        if (!root.has(key)) {
            return fallback;
        }
        long value = integerNode(root.get(key), key);
        if (value < least || value > Integer.MAX_VALUE) {
            throw new ScenarioException("'" + key + "' must be at least " + least + ", was " + value);
        }
        return (int) value;
    }

    private static long integerNode(JsonNode node, String key) {
        if (!node.isIntegralNumber()) {
            throw new ScenarioException("'" + key + "' must be a whole number, was " + node);
        }
        return node.asLong();
    }

    private static double probability(JsonNode root, String key, double fallback) {
        return root.has(key) ? probability(root.get(key), key) : fallback;
    }

    private static double probability(JsonNode node, String key) {
        double value = number(node, key);
        if (value < 0 || value > 1) {
            throw new ScenarioException("'" + key + "' must be between 0 and 1, was " + value);
        }
        return value;
    }

    private static double number(JsonNode node, String key) {
        if (!node.isNumber()) {
            throw new ScenarioException("'" + key + "' must be a number, was " + node);
        }
        return node.asDouble();
    }

    private static String text(JsonNode node, String key) {
        if (!node.isString()) {
            throw new ScenarioException("'" + key + "' must be a string, was " + node);
        }
        return node.asString();
    }
}
