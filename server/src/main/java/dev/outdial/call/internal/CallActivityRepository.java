package dev.outdial.call.internal;

import dev.outdial.call.CallActivity;
import dev.outdial.shared.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code call_activity} table (V269, V270): what was done on each call while it was up, by whom. */
@Repository
public class CallActivityRepository {

    /** One row as read, the user's name not known here (it is the agent module's). */
    public record Row(String callId, Instant at, CallActivity.Kind kind, long userId, String mode, boolean byPhone) {
    }

    private final JdbcClient db;

    CallActivityRepository(JdbcClient db) {
        this.db = db;
    }

    public void insert(long businessId, String callId, Instant at, CallActivity.Kind kind, long userId, String mode,
                       boolean byPhone) {
        db.sql("""
                insert into call_activity (business_id, call_id, done_at, kind, user_id, mode, by_phone)
                values (:business, :call, :at, :kind, :user, :mode, :byPhone)""")
                .param("business", businessId).param("call", callId).param("at", SqlTime.toSql(at))
                .param("kind", kind.name()).param("user", userId).param("mode", mode).param("byPhone", byPhone)
                .update();
    }

    /** A campaign's call: whose it is. */
    public record CampaignCall(long businessId, long campaignId) {
    }

    /** The business and campaign whose call {@code callId} is; empty where there is none such. */
    public Optional<CampaignCall> campaignCall(String callId) {
        return db.sql("select business_id, campaign_id from call_record where id = :call").param("call", callId)
                .query((row, n) -> new CampaignCall(row.getLong("business_id"), row.getLong("campaign_id")))
                .optional();
    }

    /** The steps of the business's calls {@code callIds}, by call, each call's in the order they were done. */
    public Map<String, List<Row>> ofCalls(long businessId, Collection<String> callIds) {
        if (callIds.isEmpty()) {
            return Map.of();
        }
        return db.sql("""
                select call_id, done_at, kind, user_id, mode, by_phone from call_activity
                 where business_id = :business and call_id in (:calls)
                 order by call_id, done_at, id""")
                .param("business", businessId).param("calls", callIds)
                .query(CallActivityRepository::row).list().stream()
                .collect(Collectors.groupingBy(Row::callId, Collectors.toList()));
    }

    private static Row row(ResultSet row, int n) throws SQLException {
        return new Row(row.getString("call_id"), SqlTime.instant(row, "done_at"),
                CallActivity.Kind.valueOf(row.getString("kind")), row.getLong("user_id"), row.getString("mode"),
                row.getBoolean("by_phone"));
    }
}
