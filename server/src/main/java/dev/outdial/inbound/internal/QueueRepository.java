package dev.outdial.inbound.internal;

import dev.outdial.inbound.InboundQueue;
import dev.outdial.shared.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code inbound_queue} table (V92). */
@Repository
public class QueueRepository {

    private static final String SELECT = """
            select id, name, callback_key, min_seconds_before_callback, max_wait_seconds, notification_audio_id,
                   tickets_for_missed_calls
            from inbound_queue""";

    private final JdbcClient db;

    QueueRepository(JdbcClient db) {
        this.db = db;
    }

    public long insert(long businessId, InboundQueue q, Instant createdAt) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                insert into inbound_queue (business_id, name, callback_key, min_seconds_before_callback, max_wait_seconds,
                                           notification_audio_id, tickets_for_missed_calls, created_at)
                values (:business, :name, :key, :min, :max, :audio, :tickets, :created)
                """)
                .param("business", businessId).param("name", q.name()).param("key", q.callbackKey())
                .param("min", q.minSecondsBeforeCallback()).param("max", q.maxWaitSeconds())
                .param("audio", q.notificationAudioId()).param("tickets", q.ticketsForMissedCalls())
                .param("created", SqlTime.toSql(createdAt))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    public void update(long businessId, long id, InboundQueue q) {
        db.sql("""
                update inbound_queue set name = :name, callback_key = :key, min_seconds_before_callback = :min,
                       max_wait_seconds = :max, notification_audio_id = :audio, tickets_for_missed_calls = :tickets
                where business_id = :business and id = :id
                """)
                .param("name", q.name()).param("key", q.callbackKey()).param("min", q.minSecondsBeforeCallback())
                .param("max", q.maxWaitSeconds()).param("audio", q.notificationAudioId())
                .param("tickets", q.ticketsForMissedCalls()).param("business", businessId).param("id", id).update();
    }

    public Optional<InboundQueue> find(long businessId, long id) {
        return db.sql(SELECT + " where business_id = :business and id = :id")
                .param("business", businessId).param("id", id).query(this::queue).optional();
    }

    public List<InboundQueue> list(long businessId) {
        return db.sql(SELECT + " where business_id = :business order by lower(name), id")
                .param("business", businessId).query(this::queue).list();
    }

    public boolean nameTaken(long businessId, String name, Long exceptId) {
        return db.sql("""
                select count(*) from inbound_queue
                where business_id = :business and lower(name) = lower(:name) and (cast(:except as bigint) is null or id <> :except)
                """)
                .param("business", businessId).param("name", name).param("except", exceptId)
                .query(Long.class).single() > 0;
    }

    public boolean playsAudio(long businessId, long audioId) {
        return db.sql("select count(*) from inbound_queue where business_id = :business and notification_audio_id = :audio")
                .param("business", businessId).param("audio", audioId).query(Long.class).single() > 0;
    }

    public void delete(long businessId, long id) {
        db.sql("delete from inbound_queue where business_id = :business and id = :id")
                .param("business", businessId).param("id", id).update();
    }

    private InboundQueue queue(ResultSet row, int n) throws SQLException {
        return new InboundQueue(row.getLong("id"), row.getString("name"), row.getString("callback_key"),
                row.getInt("min_seconds_before_callback"), row.getInt("max_wait_seconds"),
                row.getObject("notification_audio_id", Long.class), row.getBoolean("tickets_for_missed_calls"));
    }
}
