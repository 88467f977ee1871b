package dev.outdial.call.internal;

import dev.outdial.call.CallEnded;
import dev.outdial.shared.SqlTime;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code call_end_outbox} table: a call's end stored once per handler that wants it, until that
 * handler has handled it. Serialized as the event publication registry serialized it (the
 * application's JSON mapper), so what the registry held before the upgrade (moved here by V251)
 * reads the same.
 */
@Repository
class CallEndOutbox {

    /** A stored call end and how often its handler failed it. */
    record Stored(long id, CallEnded ended, int attempts) {
    }

    private final JdbcClient db;
    private final JsonMapper json;
    private final Clock clock;

    CallEndOutbox(JdbcClient db, JsonMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    /** Stores the call's end for each handler named, in the caller's transaction: one statement. */
    void store(CallEnded ended, List<String> handlers) {
        String rows = IntStream.range(0, handlers.size()).mapToObj(i -> "(:handler" + i + ", :event, :now, 0, :now)")
                .collect(Collectors.joining(", "));
        JdbcClient.StatementSpec insert = db.sql(
                        "insert into call_end_outbox (handler, event, stored_at, attempts, next_try_at) values " + rows)
                .param("event", json.writeValueAsString(ended)).param("now", SqlTime.toSql(clock.instant()));
        for (int i = 0; i < handlers.size(); i++) {
            insert = insert.param("handler" + i, handlers.get(i));
        }
        insert.update();
    }

    /**
     * Up to {@code max} of the handler's call ends due now, oldest first, locked until the caller's
     * transaction ends; rows another node's drain holds are skipped, not waited for.
     */
    List<Stored> take(String handler, int max) {
        return db.sql("""
                select id, event, attempts from call_end_outbox
                where handler = :handler and next_try_at <= :now
                order by id
                fetch first %d rows only
                for update skip locked
                """.formatted(max))
                .param("handler", handler).param("now", SqlTime.toSql(clock.instant()))
                .query((row, n) -> new Stored(row.getLong("id"),
                        json.readValue(row.getString("event"), CallEnded.class), row.getInt("attempts")))
                .list();
    }

    /** Locks one stored call end for the caller's transaction; false when it is gone or another drain holds it. */
    boolean lock(long id) {
        return db.sql("select id from call_end_outbox where id = :id for update skip locked").param("id", id)
                .query(Long.class).optional().isPresent();
    }

    void remove(List<Stored> handled) {
        db.sql("delete from call_end_outbox where id in (:ids)")
                .param("ids", handled.stream().map(Stored::id).toList()).update();
    }

    /** A handler's call ends waiting in one state: {@code due}, {@code retrying} or {@code given_up}. */
    record Backlog(String handler, String state, long count) {
    }

    /** How many call ends wait for each handler, by state; a handler with none is not listed. */
    List<Backlog> backlog() {
        return db.sql("""
                select handler, state, count(*) as waiting
                from (select handler,
                             case when next_try_at is null then 'given_up' when attempts > 0 then 'retrying'
                                  else 'due' end as state
                      from call_end_outbox) stated
                group by handler, state
                """)
                .query((row, n) -> new Backlog(row.getString("handler"), row.getString("state"), row.getLong("waiting")))
                .list();
    }

    /** Notes a failed try: tried again at {@code nextTry}, or never (null) once given up. */
    void failed(Stored stored, String error, Instant nextTry) {
        db.sql("""
                update call_end_outbox set attempts = attempts + 1, last_error = :error, next_try_at = :next
                where id = :id
                """)
                .param("error", error.length() > 1000 ? error.substring(0, 1000) : error)
                .param("next", nextTry == null ? null : SqlTime.toSql(nextTry)).param("id", stored.id()).update();
    }
}
