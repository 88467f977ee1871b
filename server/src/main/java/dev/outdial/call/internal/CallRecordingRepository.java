package dev.outdial.call.internal;

import dev.outdial.call.RecordingQuery;
import dev.outdial.call.RecordingView;
import dev.outdial.shared.SqlTime;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.support.SqlBinaryValue;
import org.springframework.stereotype.Repository;

/** The {@code call_recording} table (V263); lists never read the audio. */
@Repository
public class CallRecordingRepository {

    private final JdbcClient db;

    CallRecordingRepository(JdbcClient db) {
        this.db = db;
    }

    /** Whose call a recording was kept for, and its size. */
    public record Kept(long businessId, long campaignId, long sizeBytes) {
    }

    /** Keeps the recording with its call's record, under its business and campaign; empty where no such call was. */
    public Optional<Kept> insert(String callId, Path wav, Duration length, Instant recordedAt) throws IOException {
        long size = Files.size(wav);
        try (InputStream content = new BufferedInputStream(Files.newInputStream(wav))) {
            boolean inserted = db.sql("""
                    insert into call_recording (call_id, business_id, campaign_id, length_millis, size_bytes, content,
                        recorded_at)
                    select id, business_id, campaign_id, :length, :size, :content, :recordedAt
                    from call_record where id = :call
                    """)
                    .param("call", callId).param("length", length.toMillis()).param("size", size)
                    .param("content", new SqlBinaryValue(content, size)).param("recordedAt", SqlTime.toSql(recordedAt))
                    .update() == 1;
            if (!inserted) {
                return Optional.empty();
            }
        }
        return db.sql("select business_id, campaign_id from call_recording where call_id = :call").param("call", callId)
                .query((row, n) -> new Kept(row.getLong("business_id"), row.getLong("campaign_id"), size)).optional();
    }

    /**
     * The campaign's recordings the query asks for, newest first; after {@code query.before()}'s recording where it
     * names one (a call of another campaign or without a recording starts from the newest).
     */
    public List<RecordingView> ofCampaign(long businessId, long campaignId, RecordingQuery query) {
        StringBuilder sql = new StringBuilder("""
                select r.call_id, r.campaign_id, c.customer_id, c.dialed_number, c.agent_id, u.name as agent_name,
                    r.length_millis, r.size_bytes, r.recorded_at
                from call_recording r join call_record c on c.id = r.call_id
                left join app_user u on u.id = c.agent_id
                where r.business_id = :business and r.campaign_id = :campaign
                """);
        Map<String, Object> params = new HashMap<>(Map.of("business", businessId, "campaign", campaignId,
                "limit", query.limit()));
        if (query.agentId() != null) {
            sql.append(" and c.agent_id = :agent");
            params.put("agent", query.agentId());
        }
        if (query.from() != null) {
            sql.append(" and r.recorded_at >= :from");
            params.put("from", SqlTime.toSql(query.from()));
        }
        if (query.until() != null) {
            sql.append(" and r.recorded_at < :until");
            params.put("until", SqlTime.toSql(query.until()));
        }
        if (query.number() != null) {
            sql.append(" and c.dialed_number = :number");
            params.put("number", query.number());
        }
        if (query.before() != null) {
            recordedAt(businessId, campaignId, query.before()).ifPresent(last -> {
                sql.append(" and (r.recorded_at < :lastAt or (r.recorded_at = :lastAt and r.call_id < :last))");
                params.put("lastAt", SqlTime.toSql(last));
                params.put("last", query.before());
            });
        }
        sql.append(" order by r.recorded_at desc, r.call_id desc limit :limit");
        return db.sql(sql.toString()).params(params)
                .query((row, n) -> new RecordingView(row.getString("call_id"), row.getLong("campaign_id"),
                        row.getLong("customer_id"), row.getString("dialed_number"),
                        row.getObject("agent_id", Long.class), row.getString("agent_name"), row.getLong("length_millis"),
                        row.getLong("size_bytes"), SqlTime.instant(row, "recorded_at")))
                .list();
    }

    private Optional<Instant> recordedAt(long businessId, long campaignId, String callId) {
        return db.sql("""
                select recorded_at from call_recording
                where business_id = :business and campaign_id = :campaign and call_id = :call
                """)
                .param("business", businessId).param("campaign", campaignId).param("call", callId)
                .query((row, n) -> SqlTime.instant(row, "recorded_at")).optional();
    }

    public Set<String> recordedAmong(long businessId, List<String> callIds) {
        return Set.copyOf(db.sql(
                        "select call_id from call_recording where business_id = :business and call_id in (:calls)")
                .param("business", businessId).param("calls", callIds).query(String.class).list());
    }

    public int deleteRecordedBefore(long businessId, long campaignId, Instant before) {
        return db.sql("""
                delete from call_recording where business_id = :business and campaign_id = :campaign
                    and recorded_at < :before
                """)
                .param("business", businessId).param("campaign", campaignId).param("before", SqlTime.toSql(before))
                .update();
    }

    public boolean delete(long businessId, String callId) {
        return db.sql("delete from call_recording where business_id = :business and call_id = :call")
                .param("business", businessId).param("call", callId).update() == 1;
    }

    /** The recording's size in bytes, where the call has one of the business's. */
    public Optional<Long> size(long businessId, String callId) {
        return db.sql("select size_bytes from call_recording where business_id = :business and call_id = :call")
                .param("business", businessId).param("call", callId).query(Long.class).optional();
    }

    /**
     * {@code length} bytes of the recording from byte {@code start} (0 the first); empty where it is gone. A bytea
     * holds at most 1 GB, so the start fits SQL's integer.
     */
    public Optional<byte[]> part(long businessId, String callId, int start, int length) {
        return db.sql("""
                select substring(content from :from for :length) from call_recording
                where business_id = :business and call_id = :call
                """)
                .param("from", start + 1).param("length", length).param("business", businessId).param("call", callId)
                .query((row, n) -> row.getBytes(1)).optional();
    }
}
