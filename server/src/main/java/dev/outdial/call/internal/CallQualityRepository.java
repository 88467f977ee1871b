package dev.outdial.call.internal;

import dev.outdial.call.CallActivity;
import java.sql.Types;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code call_quality} table (V272): how each call's audio reached Outdial, a row for each side. */
@Repository
public class CallQualityRepository {

    static final String CUSTOMER = "CUSTOMER";
    static final String AGENT = "AGENT";

    private final JdbcClient db;

    CallQualityRepository(JdbcClient db) {
        this.db = db;
    }

    /** Keeps {@code quality} as the business's call {@code callId}'s, in place of one kept before. */
    public void keep(long businessId, String callId, CallActivity.Quality quality) {
        db.sql("delete from call_quality where business_id = :business and call_id = :call")
                .param("business", businessId).param("call", callId).update();
        insert(businessId, callId, CUSTOMER, quality.customer());
        Optional.ofNullable(quality.agent()).ifPresent(agent -> insert(businessId, callId, AGENT, agent));
    }

    private void insert(long businessId, String callId, String side, CallActivity.Audio audio) {
        db.sql("""
                insert into call_quality (call_id, side, business_id, packets_expected, packets_lost, jitter_mean_ms,
                                          jitter_max_ms, round_trip_ms, mean_opinion)
                values (:call, :side, :business, :expected, :lost, :jitterMean, :jitterMax, :roundTrip, :opinion)""")
                .param("call", callId).param("side", side).param("business", businessId)
                .param("expected", audio.packetsExpected()).param("lost", audio.packetsLost())
                .param("jitterMean", audio.meanJitterMillis()).param("jitterMax", audio.maxJitterMillis())
                .param("roundTrip", audio.roundTripMillis(), Types.DOUBLE)
                .param("opinion", audio.meanOpinionScore())
                .update();
    }

    /** The quality kept for each of the business's calls {@code callIds} that has one, by call. */
    public Map<String, CallActivity.Quality> of(long businessId, Collection<String> callIds) {
        if (callIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<String, CallActivity.Audio>> sides = new HashMap<>();
        db.sql("""
                select call_id, side, packets_expected, packets_lost, jitter_mean_ms, jitter_max_ms, round_trip_ms,
                       mean_opinion
                  from call_quality
                 where business_id = :business and call_id in (:calls)""")
                .param("business", businessId).param("calls", callIds)
                .query((row, n) -> new Side(row.getString("call_id"), row.getString("side"), new CallActivity.Audio(
                        row.getLong("packets_expected"), row.getLong("packets_lost"), row.getDouble("jitter_mean_ms"),
                        row.getDouble("jitter_max_ms"), row.getObject("round_trip_ms", Double.class),
                        row.getDouble("mean_opinion"))))
                .list()
                .forEach(side -> sides.computeIfAbsent(side.callId(), call -> new HashMap<>()).put(side.side(),
                        side.audio()));
        Map<String, CallActivity.Quality> qualities = new HashMap<>();
        sides.forEach((call, audio) -> {
            if (audio.containsKey(CUSTOMER)) {
                qualities.put(call, new CallActivity.Quality(audio.get(CUSTOMER), audio.get(AGENT)));
            }
        });
        return qualities;
    }

    private record Side(String callId, String side, CallActivity.Audio audio) {
    }
}
