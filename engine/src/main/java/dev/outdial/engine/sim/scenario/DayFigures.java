package dev.outdial.engine.sim.scenario;

import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.pacing.ClockHours;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.CallRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Works out a day's figures from its call records and the moments agents disposed of their calls. */
final class DayFigures {

    private DayFigures() {
    }

    static RunFigures of(Scenario scenario, String strategy, long seed, Instant start, List<CallRecord> calls,
                         Map<CallId, Instant> disposedAt, long dials, int violations, long events) {
        // One pass over the day's calls (a million for a large day), the sums in the calls' order as before.
        Instant end = start.plus(scenario.duration());
        long connected = 0;
        long abandoned = 0;
        double talkMillis = 0;
        double busyMillis = 0;
        double[] waits = new double[calls.size()];
        int answered = 0;
        // The same clock hours the predictive strategy holds to the limit: the business's.
        ClockHours clockHours = new ClockHours(scenario.zone());
        Map<Long, long[]> byHour = new HashMap<>();
        for (CallRecord call : calls) {
            Optional<Instant> connectedAt = call.connectedAt();
            CallResult result = call.result().orElse(null);
            if (call.answeredAt().isPresent() && result != CallResult.MACHINE) {
                Instant answeredAt = call.answeredAt().get();
                waits[answered++] = seconds(answeredAt, connectedAt.or(call::endedAt).orElse(end));
                long[] counts = byHour.computeIfAbsent(clockHours.hourOf(answeredAt), ignored -> new long[2]);
                counts[0]++;
                if (result == CallResult.ABANDONED) {
                    abandoned++;
                    counts[1]++;
                }
            }
            if (connectedAt.isEmpty()) {
                continue;
            }
            connected++;
            Instant from = connectedAt.get();
            talkMillis += Duration.between(from, min(call.endedAt().orElse(end), end)).toMillis();
            busyMillis += Duration.between(from, min(disposedAt.getOrDefault(call.id(), end), end)).toMillis();
        }
        waits = Arrays.copyOf(waits, answered);
        Arrays.sort(waits);
        double agentHours = scenario.agents() * scenario.duration().toMillis() / 3_600_000.0;
        return new RunFigures(scenario.name(), strategy, seed, scenario.agents(), scenario.duration().toSeconds(),
                dials, answered, connected, abandoned, share(abandoned, answered),
                maxHourlyAbandonRate(byHour.values(), 1),
                maxHourlyAbandonRate(byHour.values(), RunFigures.COUNTED_HOUR_ANSWERS), busyMillis / 3_600_000.0 / agentHours,
                talkMillis / 60_000.0 / agentHours, connected / agentHours,
                Arrays.stream(waits).average().orElse(0), percentile(waits, 0.95), violations, events);
    }

    /**
     * The worst hour of the day among those with at least {@code leastAnswers} answers, the hours
     * being the clock hours of the scenario's zone, by the answer's time; {@code byHour}: each hour's
     * answers and abandons.
     */
    private static double maxHourlyAbandonRate(Collection<long[]> byHour, int leastAnswers) {
        double worst = 0;
        for (long[] counts : byHour) {
            if (counts[0] >= leastAnswers) {
                worst = Math.max(worst, share(counts[1], counts[0]));
            }
        }
        return worst;
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
