package dev.outdial.inbound.internal;

import dev.outdial.inbound.InboundQueue;
import dev.outdial.inbound.QueueRoute;
import dev.outdial.shared.RecordingRetention;
import dev.outdial.shared.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code inbound_queue} table (V92) and the numbers that route calls to a queue, {@code inbound_queue_number} (V259). */
@Repository
public class QueueRepository {

    private static final String SELECT = """
            select id, name, callback_key, min_seconds_before_callback, max_wait_seconds, notification_audio_id,
                   waiting_music_audio_id, tickets_for_missed_calls, record_calls, recording_retention_days
            from inbound_queue""";

    private final JdbcClient db;

    QueueRepository(JdbcClient db) {
        this.db = db;
    }

    public long insert(long businessId, InboundQueue q, Instant createdAt) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                insert into inbound_queue (business_id, name, callback_key, min_seconds_before_callback, max_wait_seconds,
                                           notification_audio_id, waiting_music_audio_id, tickets_for_missed_calls,
                                           record_calls, recording_retention_days, created_at)
                values (:business, :name, :key, :min, :max, :audio, :music, :tickets, :record, :retention, :created)
                """)
                .param("business", businessId).param("name", q.name()).param("key", q.callbackKey())
                .param("min", q.minSecondsBeforeCallback()).param("max", q.maxWaitSeconds())
                .param("audio", q.notificationAudioId()).param("music", q.waitingMusicAudioId())
                .param("tickets", q.ticketsForMissedCalls()).param("record", q.recordCalls())
                .param("retention", q.recordingRetentionDays()).param("created", SqlTime.toSql(createdAt))
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        insertNumbers(businessId, id, q.numbers());
        return id;
    }

    public void update(long businessId, long id, InboundQueue q) {
        db.sql("""
                update inbound_queue set name = :name, callback_key = :key, min_seconds_before_callback = :min,
                       max_wait_seconds = :max, notification_audio_id = :audio, waiting_music_audio_id = :music,
                       tickets_for_missed_calls = :tickets, record_calls = :record,
                       recording_retention_days = :retention
                where business_id = :business and id = :id
                """)
                .param("name", q.name()).param("key", q.callbackKey()).param("min", q.minSecondsBeforeCallback())
                .param("max", q.maxWaitSeconds()).param("audio", q.notificationAudioId())
                .param("music", q.waitingMusicAudioId())
                .param("tickets", q.ticketsForMissedCalls()).param("record", q.recordCalls())
                .param("retention", q.recordingRetentionDays()).param("business", businessId).param("id", id).update();
        db.sql("delete from inbound_queue_number where business_id = :business and queue_id = :id")
                .param("business", businessId).param("id", id).update();
        insertNumbers(businessId, id, q.numbers());
    }

    private void insertNumbers(long businessId, long queueId, List<String> numbers) {
        for (int i = 0; i < numbers.size(); i++) {
            db.sql("""
                    insert into inbound_queue_number (number, business_id, queue_id, position)
                    values (:number, :business, :queue, :position)
                    """)
                    .param("number", numbers.get(i)).param("business", businessId).param("queue", queueId)
                    .param("position", i).update();
        }
    }

    public Optional<InboundQueue> find(long businessId, long id) {
        Map<Long, List<String>> numbers = numbers(businessId, id);
        return db.sql(SELECT + " where business_id = :business and id = :id")
                .param("business", businessId).param("id", id)
                .query((row, n) -> queue(row, numbers)).optional();
    }

    public List<InboundQueue> list(long businessId) {
        Map<Long, List<String>> numbers = numbers(businessId, null);
        return db.sql(SELECT + " where business_id = :business order by lower(name), id")
                .param("business", businessId).query((row, n) -> queue(row, numbers)).list();
    }

    /** The business's numbers by queue, each queue's in the admin's order; of one queue when {@code queueId} is given. */
    private Map<Long, List<String>> numbers(long businessId, Long queueId) {
        return db.sql("""
                select queue_id, number from inbound_queue_number
                where business_id = :business and (cast(:queue as bigint) is null or queue_id = :queue)
                order by queue_id, position
                """)
                .param("business", businessId).param("queue", queueId)
                .query((row, n) -> Map.entry(row.getLong("queue_id"), row.getString("number"))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    /** Those of {@code numbers} that route calls to a queue other than {@code exceptQueueId}, of any business. */
    public List<String> numbersTaken(Collection<String> numbers, Long exceptQueueId) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        return db.sql("""
                select number from inbound_queue_number
                where number in (:numbers) and (cast(:except as bigint) is null or queue_id <> :except)
                order by number
                """)
                .param("numbers", numbers).param("except", exceptQueueId).query(String.class).list();
    }

    /** The businesses a queue of whose has a number: those the trunk brings calls for. */
    public Set<Long> businessesWithNumbers() {
        return Set.copyOf(db.sql("select distinct business_id from inbound_queue_number").query(Long.class).list());
    }

    /** The queue a call to {@code e164} enters: a read of the number's primary key. */
    public Optional<QueueRoute> route(String e164) {
        return db.sql("select business_id, queue_id from inbound_queue_number where number = :number")
                .param("number", e164)
                .query((row, n) -> new QueueRoute(row.getLong("business_id"), row.getLong("queue_id"))).optional();
    }

    public boolean nameTaken(long businessId, String name, Long exceptId) {
        return db.sql("""
                select count(*) from inbound_queue
                where business_id = :business and lower(name) = lower(:name) and (cast(:except as bigint) is null or id <> :except)
                """)
                .param("business", businessId).param("name", name).param("except", exceptId)
                .query(Long.class).single() > 0;
    }

    /** Whether a queue of the business plays the file, as its callback notification or its waiting music. */
    public boolean playsAudio(long businessId, long audioId) {
        return db.sql("""
                select count(*) from inbound_queue
                where business_id = :business and (notification_audio_id = :audio or waiting_music_audio_id = :audio)
                """)
                .param("business", businessId).param("audio", audioId).query(Long.class).single() > 0;
    }

    public List<RecordingRetention> recordingRetention() {
        return db.sql("select business_id, id, recording_retention_days from inbound_queue"
                        + " where recording_retention_days is not null")
                .query((row, n) -> new RecordingRetention(row.getLong("business_id"), row.getLong("id"),
                        row.getInt("recording_retention_days"))).list();
    }

    public void delete(long businessId, long id) {
        db.sql("delete from inbound_queue where business_id = :business and id = :id")
                .param("business", businessId).param("id", id).update();
    }

    private InboundQueue queue(ResultSet row, Map<Long, List<String>> numbers) throws SQLException {
        long id = row.getLong("id");
        return new InboundQueue(id, row.getString("name"), row.getString("callback_key"),
                row.getInt("min_seconds_before_callback"), row.getInt("max_wait_seconds"),
                row.getObject("notification_audio_id", Long.class), row.getObject("waiting_music_audio_id", Long.class),
                row.getBoolean("tickets_for_missed_calls"), row.getBoolean("record_calls"),
                row.getObject("recording_retention_days", Integer.class), numbers.getOrDefault(id, List.of()));
    }
}
