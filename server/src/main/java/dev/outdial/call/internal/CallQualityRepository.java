package dev.outdial.call.internal;

import dev.outdial.call.CallActivity;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code call_quality} table (V272): how each call's customer audio reached Outdial. */
@Repository
public class CallQualityRepository {

    private final JdbcClient db;

    CallQualityRepository(JdbcClient db) {
        this.db = db;
    }

    /** Keeps {@code quality} as the business's call {@code callId}'s, in place of one kept before. */
    public void keep(long businessId, String callId, CallActivity.Quality quality) {
        db.sql("delete from call_quality where call_id = :call").param("call", callId).update();
        db.sql("""
                insert into call_quality (call_id, business_id, packets_expected, packets_lost, jitter_mean_ms,
                                          jitter_max_ms, mean_opinion)
                values (:call, :business, :expected, :lost, :jitterMean, :jitterMax, :opinion)""")
                .param("call", callId).param("business", businessId)
                .param("expected", quality.packetsExpected()).param("lost", quality.packetsLost())
                .param("jitterMean", quality.meanJitterMillis()).param("jitterMax", quality.maxJitterMillis())
                .param("opinion", quality.meanOpinionScore())
                .update();
    }

    /** The quality kept for each of the business's calls {@code callIds} that has one, by call. */
    public Map<String, CallActivity.Quality> of(long businessId, Collection<String> callIds) {
        if (callIds.isEmpty()) {
            return Map.of();
        }
        return db.sql("""
                select call_id, packets_expected, packets_lost, jitter_mean_ms, jitter_max_ms, mean_opinion
                  from call_quality
                 where business_id = :business and call_id in (:calls)""")
                .param("business", businessId).param("calls", callIds)
                .query((row, n) -> Map.entry(row.getString("call_id"), new CallActivity.Quality(
                        row.getLong("packets_expected"), row.getLong("packets_lost"), row.getDouble("jitter_mean_ms"),
                        row.getDouble("jitter_max_ms"), row.getDouble("mean_opinion"))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
