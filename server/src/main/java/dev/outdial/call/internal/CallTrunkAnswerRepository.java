package dev.outdial.call.internal;

import dev.outdial.call.CallActivity;
import dev.outdial.campaign.settings.TrunkHealth;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code call_trunk_answer} table (V274): what the carrier's trunks answered each call's INVITEs, in order. */
@Repository
public class CallTrunkAnswerRepository {

    /** The longest reason kept, its column's: a reason phrase is the trunk's to write, as long as it likes. */
    static final int REASON_LENGTH = 300;

    private final JdbcClient db;

    CallTrunkAnswerRepository(JdbcClient db) {
        this.db = db;
    }

    /** Keeps {@code answers} as the business's call {@code callId}'s, in place of any kept before, at {@code now}. */
    public void keep(long businessId, String callId, List<CallActivity.TrunkAnswer> answers, Instant now) {
        db.sql("delete from call_trunk_answer where business_id = :business and call_id = :call")
                .param("business", businessId).param("call", callId).update();
        for (int attempt = 0; attempt < answers.size(); attempt++) {
            CallActivity.TrunkAnswer answer = answers.get(attempt);
            db.sql("""
                    insert into call_trunk_answer (call_id, attempt, business_id, trunk, status, reason, q850_cause,
                                                   kept_at)
                    values (:call, :attempt, :business, :trunk, :status, :reason, :cause, :at)""")
                    .param("call", callId).param("attempt", attempt + 1).param("business", businessId)
                    .param("trunk", answer.trunk()).param("status", answer.status())
                    .param("reason", answer.reason().length() <= REASON_LENGTH ? answer.reason()
                            : answer.reason().substring(0, REASON_LENGTH))
                    .param("cause", answer.q850Cause(), Types.INTEGER)
                    .param("at", Timestamp.from(now))
                    .update();
        }
    }

    /** How many of the business's calls kept since {@code since} each trunk answered with each status. */
    public List<TrunkHealth.AnswerCount> countsSince(long businessId, Instant since) {
        return db.sql("""
                select trunk, status, count(*) as answers
                  from call_trunk_answer
                 where business_id = :business and kept_at >= :since
                 group by trunk, status
                 order by trunk, status""")
                .param("business", businessId).param("since", Timestamp.from(since))
                .query((row, n) -> new TrunkHealth.AnswerCount(row.getString("trunk"), row.getInt("status"),
                        row.getLong("answers")))
                .list();
    }

    /** The answers kept for each of the business's calls {@code callIds} that has any, in order, by call. */
    public Map<String, List<CallActivity.TrunkAnswer>> of(long businessId, Collection<String> callIds) {
        if (callIds.isEmpty()) {
            return Map.of();
        }
        Map<String, List<CallActivity.TrunkAnswer>> answers = new HashMap<>();
        db.sql("""
                select call_id, trunk, status, reason, q850_cause
                  from call_trunk_answer
                 where business_id = :business and call_id in (:calls)
                 order by call_id, attempt""")
                .param("business", businessId).param("calls", callIds)
                .query((row, n) -> Map.entry(row.getString("call_id"), new CallActivity.TrunkAnswer(
                        row.getString("trunk"), row.getInt("status"), row.getString("reason"),
                        row.getObject("q850_cause", Integer.class))))
                .list()
                .forEach(kept -> answers.computeIfAbsent(kept.getKey(), call -> new ArrayList<>())
                        .add(kept.getValue()));
        return answers;
    }
}
