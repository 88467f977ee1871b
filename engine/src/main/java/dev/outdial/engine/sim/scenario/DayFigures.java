package dev.outdial.engine.sim.scenario;

import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.CallRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Works out a day's figures from its call records and the moments agents disposed of their calls. */
final class DayFigures {

    private DayFigures() {
    }

    static RunFigures of(Scenario scenario, String strategy, long seed, Instant start, List<CallRecord> calls,
                         Map<CallId, Instant> disposedAt, long dials, int violations, long events) {
        Instant end = start.plus(scenario.duration());
        List<CallRecord> answered = calls.stream()
                .filter(call -> call.answeredAt().isPresent() && call.result().orElse(null) != CallResult.MACHINE).toList();
        long connected = calls.stream().filter(call -> call.connectedAt().isPresent()).count();
        long abandoned = answered.stream().filter(call -> call.result().orElse(null) == CallResult.ABANDONED).count();
        double agentHours = scenario.agents() * scenario.duration().toMillis() / 3_600_000.0;
        double talkMillis = 0;
        double busyMillis = 0;
        for (CallRecord call : calls) {
            if (call.connectedAt().isEmpty()) {
                continue;
            }
            Instant from = call.connectedAt().get();
            talkMillis += Duration.between(from, min(call.endedAt().orElse(end), end)).toMillis();
            busyMillis += Duration.between(from, min(disposedAt.getOrDefault(call.id(), end), end)).toMillis();
        }
        double[] waits = answered.stream().mapToDouble(call -> seconds(call.answeredAt().get(),
                call.connectedAt().or(call::endedAt).orElse(end))).sorted().toArray();
        return new RunFigures(scenario.name(), strategy, seed, scenario.agents(), scenario.duration().toSeconds(),
                dials, answered.size(), connected, abandoned, share(abandoned, answered.size()),
                maxHourlyAbandonRate(answered, start, 1),
                maxHourlyAbandonRate(answered, start, RunFigures.COUNTED_HOUR_ANSWERS), busyMillis / 3_600_000.0 / agentHours,
                talkMillis / 60_000.0 / agentHours, connected / agentHours,
                Arrays.stream(waits).average().orElse(0), percentile(waits, 0.95), violations, events);
    }

    /**
     * The worst hour of the day among those with at least {@code leastAnswers} answers, hours
     * counted from the start (on the hour) by the answer's time.
     */
    private static double maxHourlyAbandonRate(List<CallRecord> answered, Instant start, int leastAnswers) {
        Map<Long, long[]> byHour = new TreeMap<>();
        for (CallRecord call : answered) {
            long[] counts = byHour.computeIfAbsent(Duration.between(start, call.answeredAt().get()).toHours(),
                    ignored -> new long[2]);
            counts[0]++;
            if (call.result().orElse(null) == CallResult.ABANDONED) {
                counts[1]++;
            }
        }
        return byHour.values().stream().filter(counts -> counts[0] >= leastAnswers)
                .mapToDouble(counts -> share(counts[1], counts[0])).max().orElse(0);
    }

    private static double percentile(double[] sorted, double share) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
