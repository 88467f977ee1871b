package dev.outdial.call;

import dev.outdial.call.internal.CallFigureQueries;
import dev.outdial.call.internal.OpenCallsNow;
import dev.outdial.engine.port.CallRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only figures over the call records for the live view and reports: the open calls by phase,
 * the calls of a recent period, and a period's sums per campaign or agent, all served by indexes
 * (open calls by business; dialed time by campaign and by business) so the cost follows the
 * period's calls, never the campaign's history. {@code campaignId} null means every campaign of
 * the business.
 */
@Service
public class CallStatistics {

    private final CallFigureQueries queries;
    private final OpenCallsNow now;
    private final Clock clock;

    CallStatistics(CallFigureQueries queries, OpenCallsNow now, Clock clock) {
        this.queries = queries;
        this.now = now;
        this.clock = clock;
    }

    /**
     * Calls not ended yet by phase: dialing, ringing, waiting for an agent, talking; each call in the
     * phase the engine knows it in when it runs here, its record's otherwise (issue 18: steps are
     * saved a second late).
     */
    @Transactional(readOnly = true)
    public Map<CallRecord.Phase, Integer> openCalls(long businessId, Long campaignId) {
        Map<CallRecord.Phase, Integer> phases = new EnumMap<>(CallRecord.Phase.class);
        for (CallRecord.Phase phase : CallRecord.Phase.values()) {
            if (phase != CallRecord.Phase.ENDED) {
                phases.put(phase, 0);
            }
        }
        // The engine's word on a call is the call before its end until that end is stored, never ENDED.
        for (CallFigureQueries.OpenCall open : queries.open(businessId, campaignId)) {
            phases.merge(now.phase(businessId, open.campaignId(), open.id(), open.phase()), 1, Integer::sum);
        }
        return phases;
    }

    /** Calls dialed from {@code from} on. */
    @Transactional(readOnly = true)
    public CallTally dialedSince(long businessId, Long campaignId, Instant from) {
        return queries.dialedSince(businessId, campaignId, from);
    }

    /**
     * The sums of the calls dialed from {@code start} (included) to {@code end}, per group; groups
     * without calls left out. Active hours are clock hours of {@code zone}, the business's; a hold
     * still on counts to now; a group with no call measured has no line quality.
     */
    @Transactional(readOnly = true)
    public List<CallSums> sums(long businessId, Instant start, Instant end, ZoneId zone, Long campaignId,
                               CallGrouping grouping) {
        Map<Long, Long> held = heldSeconds(queries.holdSteps(businessId, start, end, campaignId, grouping));
        Map<Long, LineQuality> customerLines = new HashMap<>();
        Map<Long, LineQuality> agentLines = new HashMap<>();
        for (CallFigureQueries.LineSums line : queries.lineSums(businessId, start, end, campaignId, grouping)) {
            (line.customer() ? customerLines : agentLines).put(line.groupKey(), line.quality());
        }
        return queries.sums(businessId, start, end, zone, campaignId, grouping).stream()
                .map(sums -> sums.with(held.getOrDefault(sums.key(), 0L),
                        customerLines.getOrDefault(sums.key(), LineQuality.none()),
                        agentLines.getOrDefault(sums.key(), LineQuality.none())))
                .toList();
    }

    /** Each group's hold time, each call's summed as its activity sums it (two holds overlapping counted once). */
    private Map<Long, Long> heldSeconds(List<CallFigureQueries.HoldStep> steps) {
        Instant upTo = clock.instant();
        Map<Long, Long> heldMillis = new HashMap<>();
        Map<String, List<CallFigureQueries.HoldStep>> byCall = steps.stream().collect(
                Collectors.groupingBy(CallFigureQueries.HoldStep::callId, LinkedHashMap::new, Collectors.toList()));
        for (List<CallFigureQueries.HoldStep> call : byCall.values()) {
            CallFigureQueries.HoldStep first = call.getFirst();
            CallActivity activity = CallActivity.of(first.callId(), call.stream().map(step -> new CallActivity.Step(
                    step.at(), step.kind(), 0, null, null, step.byPhone())).toList(),
                    first.callEnded() != null ? first.callEnded() : upTo);
            heldMillis.merge(first.groupKey(), activity.heldMillis(), Long::sum);
        }
        Map<Long, Long> seconds = new HashMap<>();
        heldMillis.forEach((key, millis) -> seconds.put(key, Math.round(millis / 1000.0)));
        return seconds;
    }

    /** The same calls per group and classification the agents gave. */
    @Transactional(readOnly = true)
    public List<ClassifiedCalls> classified(long businessId, Instant start, Instant end, Long campaignId,
                                            CallGrouping grouping) {
        return queries.classified(businessId, start, end, campaignId, grouping);
    }
}
