package dev.outdial.call;

import dev.outdial.call.internal.CallFigureQueries;
import dev.outdial.engine.port.CallRecord;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
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

    CallStatistics(CallFigureQueries queries) {
        this.queries = queries;
    }

    /** Calls not ended yet by phase: dialing, ringing, waiting for an agent, talking. */
    @Transactional(readOnly = true)
    public Map<CallRecord.Phase, Integer> openCalls(long businessId, Long campaignId) {
        return queries.openByPhase(businessId, campaignId);
    }

    /** Calls dialed from {@code from} on. */
    @Transactional(readOnly = true)
    public CallTally dialedSince(long businessId, Long campaignId, Instant from) {
        return queries.dialedSince(businessId, campaignId, from);
    }

    /**
     * The sums of the calls dialed from {@code start} (included) to {@code end}, per group; groups
     * without calls left out. Active hours are clock hours of {@code zone}, the business's.
     */
    @Transactional(readOnly = true)
    public List<CallSums> sums(long businessId, Instant start, Instant end, ZoneId zone, Long campaignId,
                               CallGrouping grouping) {
        return queries.sums(businessId, start, end, zone, campaignId, grouping);
    }

    /** The same calls per group and classification the agents gave. */
    @Transactional(readOnly = true)
    public List<ClassifiedCalls> classified(long businessId, Instant start, Instant end, Long campaignId,
                                            CallGrouping grouping) {
        return queries.classified(businessId, start, end, campaignId, grouping);
    }
}
