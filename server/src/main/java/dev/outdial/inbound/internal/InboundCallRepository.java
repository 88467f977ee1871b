package dev.outdial.inbound.internal;

import dev.outdial.engine.inbound.InboundCall;
import dev.outdial.inbound.InboundCallView;
import dev.outdial.shared.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code inbound_call} table (V140). Saves come from the node's one engine thread and call ids
 * carry the node's id, so "update, else insert" never races. Keys are kept as
 * {@code key@instant@verdict} separated by spaces: a handful per call, read only with the call.
 */
@Repository
public class InboundCallRepository {

    private static final String SELECT = """
            select id, queue_id, caller_number, entered_at, agent_id, agent_ringing_at, connected_at, ended_at, result,
                   how_ended, keys_pressed
            from inbound_call""";

    private final JdbcClient db;

    InboundCallRepository(JdbcClient db) {
        this.db = db;
    }

    public void save(InboundCall call) {
        String keys = call.keys().stream().map(key -> key.key() + "@" + key.at() + "@" + key.verdict())
                .collect(Collectors.joining(" "));
        Long agent = call.agent().map(id -> Long.parseLong(id.value())).orElse(null);
        Object ringing = call.agentRingingAt().map(SqlTime::toSql).orElse(null);
        Object connected = call.connectedAt().map(SqlTime::toSql).orElse(null);
        Object ended = call.endedAt().map(SqlTime::toSql).orElse(null);
        String result = call.result().map(Enum::name).orElse(null);
        String howEnded = call.howEnded().map(Enum::name).orElse(null);
        int updated = db.sql("""
                update inbound_call set agent_id = :agent, agent_ringing_at = :ringing, connected_at = :connected,
                       ended_at = :ended, result = :result, how_ended = :howEnded, keys_pressed = :keys
                where id = :id and business_id = :business
                """)
                .param("agent", agent).param("ringing", ringing).param("connected", connected).param("ended", ended)
                .param("result", result).param("howEnded", howEnded).param("keys", keys).param("id", call.id().value())
                .param("business", call.businessId()).update();
        if (updated == 0) {
            db.sql("""
                    insert into inbound_call (id, business_id, queue_id, caller_number, entered_at, agent_id,
                                              agent_ringing_at, connected_at, ended_at, result, how_ended, keys_pressed)
                    values (:id, :business, :queue, :caller, :entered, :agent, :ringing, :connected, :ended, :result,
                            :howEnded, :keys)
                    """)
                    .param("id", call.id().value()).param("business", call.businessId()).param("queue", call.queueId())
                    .param("caller", call.callerNumber()).param("entered", SqlTime.toSql(call.enteredAt()))
                    .param("agent", agent).param("ringing", ringing).param("connected", connected).param("ended", ended)
                    .param("result", result).param("howEnded", howEnded).param("keys", keys).update();
        }
    }

    /** The queue's calls, newest first, at most {@code limit}. */
    public List<InboundCallView> ofQueue(long businessId, long queueId, int limit) {
        return db.sql(SELECT + """
                 where business_id = :business and queue_id = :queue
                order by entered_at desc, id desc
                fetch first %d rows only""".formatted(limit))
                .param("business", businessId).param("queue", queueId)
                .query(this::view).list();
    }

    /** The business whose queue call {@code callId} is; empty where there is none such. */
    public Optional<Long> businessOf(String callId) {
        return db.sql("select business_id from inbound_call where id = :id").param("id", callId)
                .query(Long.class).optional();
    }

    /** The business's queue call {@code callId}; empty where it has none such. */
    public Optional<InboundCallView> find(long businessId, String callId) {
        return db.sql(SELECT + " where business_id = :business and id = :id")
                .param("business", businessId).param("id", callId)
                .query(this::view).optional();
    }

    private InboundCallView view(ResultSet row, int n) throws SQLException {
        Instant ringing = SqlTime.instant(row, "agent_ringing_at");
        Instant connected = SqlTime.instant(row, "connected_at");
        Instant ended = SqlTime.instant(row, "ended_at");
        String state = ended != null ? "ENDED" : connected != null ? "TALKING" : ringing != null ? "AGENT_RINGING" : "WAITING";
        String keys = row.getString("keys_pressed");
        List<InboundCallView.Key> pressed = keys.isBlank() ? List.of() : Arrays.stream(keys.split(" "))
                .map(key -> key.split("@"))
                .map(parts -> new InboundCallView.Key(parts[0], Instant.parse(parts[1]), parts[2])).toList();
        return new InboundCallView(row.getString("id"), row.getLong("queue_id"), row.getString("caller_number"),
                SqlTime.instant(row, "entered_at"), pressed, row.getObject("agent_id", Long.class), ringing, connected,
                ended, state, row.getString("result"), row.getString("how_ended"));
    }
}
