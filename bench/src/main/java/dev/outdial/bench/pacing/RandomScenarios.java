package dev.outdial.bench.pacing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Scenario files drawn at random from what contact centers meet ({@link LimitsFuzz}), each in the
 * format {@code ./outdial simulate} reads, so a day that breaks the promise can be saved and replayed.
 *
 * <p>Teams of 1–400 agents (mostly 5–150), sessions of 30 minutes to 8 hours, limits of 1–5 %,
 * maximum waits of 1–30 s, 5–90 % of dials answered by a person (steady, or falling or rising within
 * minutes, or drifting in steps), busy signals, ring times of 5–30 s mean and talks of 20 s to 15
 * minutes mean in every distribution the format has, wrap-ups of 0–60 s, patience from 2 s to a
 * minute, a business time zone at times, and enough customers not to run out (a list that runs out
 * one time in ten). A day whose expected dials pass {@link #MOST_DIALS} has its team (then its
 * session) cut, so a run of 150 scenarios on 3 seeds takes minutes, not hours.
 */
final class RandomScenarios {

    /** About 5 s of one core for predictive's day: the 200-agent 8-hour day dials 125,000 times in 4–5 s. */
    private static final double MOST_DIALS = 150_000;
    private static final List<String> ZONES = List.of("Asia/Kolkata", "America/New_York", "+05:45", "Europe/Berlin");

    private final Random random;
    private final JsonNodeFactory json = JsonNodeFactory.instance;

    RandomScenarios(Random random) {
        this.random = random;
    }

    ObjectNode next(String id) {
        int agents = agents();
        int minutes = pick(30, 45, 58, 60, 90, 120, 180, 240, 360, 480);
        double limit = pick(0.01, 0.02, 0.03, 0.03, 0.03, 0.05, 0.015, 0.025, 0.04);
        int maxWait = pick(1, 2, 2, 3, 5, 5, 10, 15, 15, 20, 30);
        double busy = round(random.nextDouble() * 0.25);
        Answers answers = answers(0.9 - busy, minutes);
        Shape ring = duration(5, 30, false);
        int noAnswer = Math.max(15, (int) Math.round(ring.mean + 5 + random.nextDouble() * 40));
        Shape talk = duration(20, 900, true);
        Shape wrapUp = random.nextInt(5) == 0 ? new Shape(0, 0, "0") : duration(2, 60, false);
        Shape patience = random.nextInt(6) == 0 ? duration(1, 4, false) : duration(5, 60, false);
        // Dials a day needs, at the lowest answer rate: what the run costs, and how many customers it takes.
        double cycle = ring.mean + talk.mean + wrapUp.mean + 2;
        double dialsPerAgentMinute = 60 / cycle / Math.max(0.03, answers.lowest * 0.9);
        while (agents * minutes * dialsPerAgentMinute > MOST_DIALS && agents > 5) {
            agents = Math.max(5, agents * 4 / 5);
        }
        while (agents * minutes * dialsPerAgentMinute > MOST_DIALS && minutes > 30) {
            minutes = Math.max(30, minutes * 4 / 5);
        }
        int callsEach = pick(1, 2, 3, 3);
        double dials = agents * minutes * dialsPerAgentMinute;
        int customers = (int) Math.max(50, Math.round(dials * (random.nextInt(10) == 0 ? 0.5 + 0.3 * random.nextDouble() : 1.5) / Math.min(callsEach, 2)));
        int lines = Math.max(agents, (int) Math.round(agents * (1.5 + random.nextDouble() * 4.5)));

        ObjectNode file = json.objectNode();
        String zone = random.nextInt(5) == 0 ? ZONES.get(random.nextInt(ZONES.size())) : null;
        file.put("name", String.format(Locale.ROOT, "%s: %d agents, %d min, %.1f %%, wait %d s, %s, busy %.0f %%, ring %s "
                        + "(timeout %d s), talk %s, wrap %s, patience %s, %d customers ×%d, %d lines%s", id, agents, minutes,
                100 * limit, maxWait, answers.summary, 100 * busy, ring.summary, noAnswer, talk.summary, wrapUp.summary,
                patience.summary, customers, callsEach, lines, zone == null ? "" : ", " + zone));
        file.put("seed", 1);
        file.put("agents", agents);
        file.put("customers", customers);
        file.put("duration", "PT" + minutes + "M");
        file.put("maxAbandonRate", limit);
        file.put("maxWaitSeconds", maxWait);
        file.put("maxConcurrentCalls", lines);
        file.put("maxCallsPerCustomer", callsEach);
        file.put("retryGapMinutes", pick(30, 60, 120));
        file.set("answerProbability", answers.node);
        file.put("busyProbability", busy);
        file.put("noAnswerTimeoutSeconds", noAnswer);
        file.set("ringSeconds", ring.node);
        file.set("talkSeconds", talk.node);
        file.set("wrapUpSeconds", wrapUp.node);
        file.set("patienceSeconds", patience.node);
        if (zone != null) {
            file.put("zone", zone);
        }
        return file;
    }

    /** 1–400, weighted to 5–150 (log-uniform within each band). */
    private int agents() {
        int band = random.nextInt(10);
        if (band == 0) {
            return 1 + random.nextInt(4);
        }
        if (band <= 7) {
            return logUniform(5, 150);
        }
        return logUniform(151, 400);
    }

    /** A person answering: steady, a fall or a rise within minutes, or drifting in 2–5 steps. */
    private Answers answers(double highest, int minutes) {
        double start = answerRate(highest);
        int kind = random.nextInt(10);
        if (kind < 4 || minutes < 45) {
            return new Answers(json.numberNode(start), start, String.format(Locale.ROOT, "%.0f %%", 100 * start));
        }
        ArrayNode steps = json.arrayNode();
        steps.add(step(0, start));
        double lowest = start;
        List<String> summary = new ArrayList<>(List.of(String.format(Locale.ROOT, "%.0f", 100 * start)));
        if (kind < 8) {
            // A sudden change: the rate moves to another within 2–12 minutes, in four steps, at a random time.
            double end = kind < 6 ? round(start * (0.15 + 0.5 * random.nextDouble())) : answerRate(highest);
            end = Math.max(0.03, Math.min(highest, end));
            int at = 10 + random.nextInt(Math.max(1, minutes - 20));
            int over = 2 + random.nextInt(11);
            for (int i = 1; i <= 4; i++) {
                double rate = round(start + (end - start) * i / 4);
                steps.add(step(at + over * (i - 1) / 3.0, rate));
                lowest = Math.min(lowest, rate);
            }
            summary.add(String.format(Locale.ROOT, "%.0f at %d min over %d", 100 * end, at, over));
        } else {
            int count = 2 + random.nextInt(4);
            for (int i = 1; i <= count; i++) {
                double rate = answerRate(highest);
                steps.add(step((double) minutes * i / (count + 1), rate));
                lowest = Math.min(lowest, rate);
                summary.add(String.format(Locale.ROOT, "%.0f", 100 * rate));
            }
        }
        return new Answers(steps, lowest, String.join(" → ", summary) + " %");
    }

    private ObjectNode step(double minute, double probability) {
        ObjectNode step = json.objectNode();
        step.put("from", Math.round(minute * 60));
        step.put("probability", probability);
        return step;
    }

    private double answerRate(double highest) {
        return round(Math.min(highest, 0.05 + random.nextDouble() * 0.85));
    }

    /**
     * A duration with a mean between {@code low} and {@code high} seconds (log-uniform), in one of
     * the shapes the format has: constant, exponential, lognormal, uniform; {@code skewed} leans to
     * the skewed ones, as talk times are.
     */
    private Shape duration(double low, double high, boolean skewed) {
        double mean = Math.round(Math.exp(Math.log(low) + random.nextDouble() * Math.log(high / low)) * 10) / 10.0;
        ObjectNode node = json.objectNode();
        int shape = random.nextInt(skewed ? 6 : 4);
        switch (shape) {
            case 0 -> {
                node.put("distribution", "constant");
                node.put("value", mean);
                return new Shape(mean, node, "const " + mean);
            }
            case 1, 4 -> {
                node.put("distribution", "exponential");
                node.put("mean", mean);
                return new Shape(mean, node, "exp " + mean);
            }
            case 2, 5 -> {
                double sigma = round(0.2 + random.nextDouble());
                double median = Math.round(mean / Math.exp(sigma * sigma / 2) * 10) / 10.0;
                node.put("distribution", "lognormal");
                node.put("median", median);
                node.put("sigma", sigma);
                return new Shape(mean, node, "lognormal " + median + " σ " + sigma);
            }
            default -> {
                double spread = mean * random.nextDouble();
                double min = Math.round((mean - spread) * 10) / 10.0;
                double max = Math.round((mean + spread) * 10) / 10.0;
                node.put("distribution", "uniform");
                node.put("min", min);
                node.put("max", max);
                return new Shape(mean, node, "uniform " + min + "–" + max);
            }
        }
    }

    private int logUniform(int low, int high) {
        return (int) Math.round(Math.exp(Math.log(low) + random.nextDouble() * Math.log((double) high / low)));
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** A duration's file node, its mean in seconds, and how the table shows it. */
    private record Shape(double mean, tools.jackson.databind.JsonNode node, String summary) {
        Shape(double mean, double value, String summary) {
            this(mean, JsonNodeFactory.instance.numberNode(value), summary);
        }
    }

    /** The answer-rate node (a number or steps), its lowest step, and how the table shows it. */
    private record Answers(tools.jackson.databind.JsonNode node, double lowest, String summary) {
    }
}
