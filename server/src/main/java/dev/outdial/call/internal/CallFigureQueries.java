package dev.outdial.call.internal;

import dev.outdial.call.CallTally;
import dev.outdial.engine.port.CallRecord;
import dev.outdial.shared.SqlTime;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counting reads over {@code call_record} for the live view; each filters by business. */
@Repository
public class CallFigureQueries {

    private final JdbcClient db;

    CallFigureQueries(JdbcClient db) {
        this.db = db;
    }

    /** {@link CallRecord#phase()} in SQL, over the open calls (index {@code call_record_business_open}). */
    public Map<CallRecord.Phase, Integer> openByPhase(long businessId, Long campaignId) {
        Map<CallRecord.Phase, Integer> phases = new EnumMap<>(CallRecord.Phase.class);
        for (CallRecord.Phase phase : CallRecord.Phase.values()) {
            if (phase != CallRecord.Phase.ENDED) {
                phases.put(phase, 0);
            }
        }
        db.sql("""
                select case when connected_at is not null then 'TALKING'
                            when answered_at is not null then 'WAITING_FOR_AGENT'
                            when ringing_at is not null then 'RINGING'
                            else 'DIALING' end as phase, count(*) as calls
                from call_record
                where business_id = :business and ended_at is null
                  and (cast(:campaign as bigint) is null or campaign_id = :campaign)
                group by case when connected_at is not null then 'TALKING'
                              when answered_at is not null then 'WAITING_FOR_AGENT'
                              when ringing_at is not null then 'RINGING'
                              else 'DIALING' end
                """)
                .param("business", businessId).param("campaign", campaignId)
                .query(row -> {
                    phases.put(CallRecord.Phase.valueOf(row.getString("phase")), row.getInt("calls"));
                });
        return phases;
    }

    /**
     * Calls dialed since {@code from}: by campaign through {@code call_record_campaign}, for the
     * business through {@code call_record_business_dialed}.
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
}
