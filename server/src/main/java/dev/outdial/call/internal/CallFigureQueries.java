package dev.outdial.call.internal;

import dev.outdial.call.CallActivity;
import dev.outdial.call.CallGrouping;
import dev.outdial.call.CallSums;
import dev.outdial.call.CallTally;
import dev.outdial.call.ClassifiedCalls;
import dev.outdial.call.LineQuality;
import dev.outdial.engine.port.CallRecord;
import dev.outdial.shared.LocalClockSql;
import dev.outdial.shared.SqlTime;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counting reads over {@code call_record} for the live view and reports; each filters by business.
 * A period's sums are one indexed range scan ({@code call_record_business_dialing}), grouped in the
 * database so a year of calls never reaches the JVM.
 */
@Repository
public class CallFigureQueries {

    private static final String PERIOD = """
             where r.business_id = :business and r.dialing_at >= :start and r.dialing_at < :end
               and (cast(:campaign as bigint) is null or r.campaign_id = :campaign)
            """;

    private final JdbcClient db;

    CallFigureQueries(JdbcClient db) {
        this.db = db;
    }

    /** An open call's phase as its record shows it. */
    public record OpenCall(String id, long campaignId, CallRecord.Phase phase) {
    }

    /**
     * The open calls with {@link CallRecord#phase()} in SQL (index {@code call_record_open}, the open calls alone):
     * one row each, so the engine's newer word on a call can replace its record's.
     */
    public List<OpenCall> open(long businessId, Long campaignId) {
        return db.sql("""
                select id, campaign_id,
                       case when connected_at is not null then 'TALKING'
                            when answered_at is not null then 'WAITING_FOR_AGENT'
                            when ringing_at is not null then 'RINGING'
                            else 'DIALING' end as phase
                from call_record
                where business_id = :business and ended_at is null
                  and (cast(:campaign as bigint) is null or campaign_id = :campaign)
                """)
                .param("business", businessId).param("campaign", campaignId)
                .query((row, n) -> new OpenCall(row.getString("id"), row.getLong("campaign_id"),
                        CallRecord.Phase.valueOf(row.getString("phase"))))
                .list();
    }

    /**
     * Calls dialed since {@code from}: by campaign through {@code call_record_campaign}, for the
     * business through {@code call_record_business_dialing}.
     */
    public CallTally dialedSince(long businessId, Long campaignId, Instant from) {
        String scope = campaignId == null ? "" : " and campaign_id = :campaign";
        return db.sql("""
                select count(*) as dials,
                       coalesce(sum(case when result = 'SUCCESS' then 1 else 0 end), 0) as contacts,
                       coalesce(sum(case when result = 'ABANDONED' then 1 else 0 end), 0) as abandoned
                from call_record
                where business_id = :business and dialing_at >= :from""" + scope)
                .param("business", businessId).param("from", SqlTime.toSql(from))
                .params(campaignId == null ? Map.of() : Map.of("campaign", campaignId))
                .query((row, n) -> new CallTally(row.getLong("dials"), row.getLong("contacts"), row.getLong("abandoned")))
                .single();
    }

    /**
     * The sums of the period's calls ({@code start} included, {@code end} not), per group, their
     * active hours counted in {@code zone}'s clock hours.
     */
    public List<CallSums> sums(long businessId, Instant start, Instant end, ZoneId zone, Long campaignId,
                               CallGrouping grouping) {
        String sql = """
                select %s as group_key,
                       count(*) as calls,
                       coalesce(sum(case when r.result = 'SUCCESS' then 1 else 0 end), 0) as contacts,
                       coalesce(sum(case when r.result = 'ABANDONED' then 1 else 0 end), 0) as abandoned,
                       coalesce(sum(case when r.connected_at is not null and r.ended_at is not null then 1 else 0 end), 0)
                           as connected,
                       coalesce(sum(case when r.connected_at is not null and r.ended_at is not null
                           then extract(epoch from r.ended_at) - extract(epoch from r.connected_at) else 0 end), 0)
                           as talk_seconds,
                       count(distinct %s) as active_hours,
                       coalesce(sum(case when r.how_ended = 'CUSTOMER_LINE_LOST' then 1 else 0 end), 0)
                           as customer_lines_lost,
                       coalesce(sum(case when r.how_ended = 'AGENT_LINE_LOST' then 1 else 0 end), 0) as agent_lines_lost
                  from call_record r
                """.formatted(keyOf(grouping), LocalClockSql.hourOf("extract(epoch from r.dialing_at)", zone, start, end))
                + PERIOD + agentsOnly(grouping) + groupBy(grouping, "");
        return db.sql(sql)
                .param("business", businessId).param("start", SqlTime.toSql(start))
                .param("end", SqlTime.toSql(end)).param("campaign", campaignId)
                .query((row, n) -> new CallSums(row.getLong("group_key"), row.getLong("calls"), row.getLong("contacts"),
                        row.getLong("abandoned"), row.getLong("connected"), Math.round(row.getDouble("talk_seconds")),
                        row.getLong("active_hours"), row.getLong("customer_lines_lost"),
                        row.getLong("agent_lines_lost")))
                .list().stream().filter(sums -> sums.calls() > 0).toList();
    }

    /** One side's line quality summed over a group's calls measured: {@link LineQuality#of}'s terms. */
    public record LineSums(long groupKey, boolean customer, long calls, double scores, long poorCalls,
                           long packetsLost, long packetsExpected) {

        public LineQuality quality() {
            return LineQuality.of(calls, scores, poorCalls, packetsLost, packetsExpected);
        }
    }

    /**
     * The line quality of the period's calls per group and side, summed in the database from their rows of
     * {@code call_quality} (its key leads with the call, so each of the period's calls is one index probe).
     */
    public List<LineSums> lineSums(long businessId, Instant start, Instant end, Long campaignId,
                                   CallGrouping grouping) {
        String sql = "select " + keyOf(grouping) + " as group_key, q.side, count(*) as calls,"
                + " sum(q.mean_opinion) as scores,"
                + " sum(case when q.mean_opinion < :poor then 1 else 0 end) as poor_calls,"
                + " sum(q.packets_lost) as packets_lost, sum(q.packets_expected) as packets_expected"
                + " from call_record r join call_quality q on q.call_id = r.id and q.business_id = r.business_id"
                + PERIOD + agentsOnly(grouping) + groupBy(grouping, "q.side");
        return db.sql(sql)
                .param("business", businessId).param("start", SqlTime.toSql(start))
                .param("end", SqlTime.toSql(end)).param("campaign", campaignId)
                .param("poor", LineQuality.POOR_BELOW)
                .query((row, n) -> new LineSums(row.getLong("group_key"),
                        CallQualityRepository.CUSTOMER.equals(row.getString("side")), row.getLong("calls"),
                        row.getDouble("scores"), row.getLong("poor_calls"), row.getLong("packets_lost"),
                        row.getLong("packets_expected")))
                .list();
    }

    /** A hold put on or taken off on one of a period's calls, with the call's group and its end (null: up). */
    public record HoldStep(long groupKey, String callId, Instant at, CallActivity.Kind kind, boolean byPhone,
                           Instant callEnded) {
    }

    /**
     * The holds put on and taken off on the period's calls, per call in the order done: read from the period's
     * steps ({@code call_activity_business_done}; a hold comes after its call was dialed), few calls having any.
     */
    public List<HoldStep> holdSteps(long businessId, Instant start, Instant end, Long campaignId,
                                    CallGrouping grouping) {
        String sql = "select " + keyOf(grouping) + " as group_key, a.call_id, a.done_at, a.kind, a.by_phone, r.ended_at"
                + " from call_activity a join call_record r on r.id = a.call_id" + PERIOD
                + " and a.business_id = :business and a.done_at >= :start and a.kind in ('HOLD', 'UNHOLD')"
                + agentsOnly(grouping) + " order by a.call_id, a.done_at, a.id";
        return db.sql(sql)
                .param("business", businessId).param("start", SqlTime.toSql(start))
                .param("end", SqlTime.toSql(end)).param("campaign", campaignId)
                .query((row, n) -> new HoldStep(row.getLong("group_key"), row.getString("call_id"),
                        SqlTime.instant(row, "done_at"), CallActivity.Kind.valueOf(row.getString("kind")),
                        row.getBoolean("by_phone"), SqlTime.instant(row, "ended_at")))
                .list();
    }

    /** The period's calls per group and classification the agents gave, by group then classification id. */
    public List<ClassifiedCalls> classified(long businessId, Instant start, Instant end, Long campaignId,
                                            CallGrouping grouping) {
        String sql = "select " + keyOf(grouping) + " as group_key, r.classification_id, count(*) as calls"
                + " from call_record r" + PERIOD + " and r.classification_id is not null" + agentsOnly(grouping)
                + groupBy(grouping, "r.classification_id") + " order by group_key, r.classification_id";
        return db.sql(sql)
                .param("business", businessId).param("start", SqlTime.toSql(start))
                .param("end", SqlTime.toSql(end)).param("campaign", campaignId)
                .query((row, n) -> new ClassifiedCalls(row.getLong("group_key"), row.getLong("classification_id"),
                        row.getLong("calls")))
                .list();
    }

    private static String keyOf(CallGrouping grouping) {
        return switch (grouping) {
            case CAMPAIGN -> "r.campaign_id";
            case AGENT -> "r.agent_id";
            case ALL, ALL_AGENTS -> "0";
        };
    }

    private static String agentsOnly(CallGrouping grouping) {
        return grouping.agentsOnly() ? " and r.agent_id is not null" : "";
    }

    /** The group-by clause over the grouping's key and {@code more} columns (none: an empty clause). */
    private static String groupBy(CallGrouping grouping, String more) {
        String key = keyOf(grouping);
        String columns = key.equals("0") ? more : more.isEmpty() ? key : key + ", " + more;
        return columns.isEmpty() ? "" : " group by " + columns;
    }
}
