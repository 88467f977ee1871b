package dev.outdial.webhook.internal;

import dev.outdial.shared.ListStart;
import dev.outdial.shared.SqlTime;
import dev.outdial.webhook.WebhookDelivery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code webhook_delivery} outbox. */
@Repository
public class DeliveryRepository {

    private static final String COLUMNS = """
            id, event_id, event_type, status, attempts, next_attempt_at, last_status_code, last_error, created_at,
            delivered_at""";

    private final JdbcClient db;
    private final ListStart listStart;

    DeliveryRepository(JdbcClient db, ListStart listStart) {
        this.db = db;
        this.listStart = listStart;
    }

    public void enqueue(long webhookId, long businessId, String eventId, String eventType, String payload, Instant now) {
        db.sql("""
                insert into webhook_delivery (webhook_id, business_id, event_id, event_type, payload, status,
                    next_attempt_at, created_at)
                values (:webhook, :business, :eventId, :type, :payload, 'PENDING', :now, :now)
                """)
                .param("webhook", webhookId).param("business", businessId).param("eventId", eventId)
                .param("type", eventType).param("payload", payload).param("now", SqlTime.toSql(now))
                .update();
    }

    /** A pending delivery to send now, with what sending needs. */
    public record Due(long id, String url, String secret, String eventId, String eventType, String payload,
                      int attempts) {
    }

    /**
     * Takes up to {@code max} due deliveries for this sender: their next attempt moves to
     * {@code leaseUntil}, so another node (or this one, if the send is cut off) tries them again
     * only after that. SKIP LOCKED keeps two nodes from taking the same delivery.
     */
    public List<Due> take(Instant now, Instant leaseUntil, int max) {
        List<Long> ids = db.sql("""
                select id from webhook_delivery
                where status = 'PENDING' and next_attempt_at <= :now
                order by next_attempt_at, id
                fetch first %d rows only
                for update skip locked
                """.formatted(max))
                .param("now", SqlTime.toSql(now)).query(Long.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        db.sql("update webhook_delivery set next_attempt_at = :lease where id in (:ids)")
                .param("lease", SqlTime.toSql(leaseUntil)).param("ids", ids).update();
        return db.sql("""
                select d.id, w.url, w.secret, d.event_id, d.event_type, d.payload, d.attempts
                from webhook_delivery d join webhook w on w.id = d.webhook_id
                where d.id in (:ids) order by d.next_attempt_at, d.id
                """)
                .param("ids", ids)
                .query((row, n) -> new Due(row.getLong("id"), row.getString("url"), row.getString("secret"),
                        row.getString("event_id"), row.getString("event_type"), row.getString("payload"),
                        row.getInt("attempts")))
                .list();
    }

    public void delivered(long id, int statusCode, Instant now) {
        db.sql("""
                update webhook_delivery set status = 'DELIVERED', attempts = attempts + 1, last_status_code = :code,
                    last_error = null, delivered_at = :now, next_attempt_at = null
                where id = :id
                """)
                .param("code", statusCode).param("now", SqlTime.toSql(now)).param("id", id).update();
    }

    /** A failed attempt: tried again at {@code nextAttempt}, or never again ({@code giveUp}: no next attempt). */
    public void failed(long id, Integer statusCode, String error, Instant nextAttempt, boolean giveUp) {
        db.sql("""
                update webhook_delivery set status = :status, attempts = attempts + 1, last_status_code = :code,
                    last_error = :error, next_attempt_at = :next
                where id = :id
                """)
                .param("status", giveUp ? "FAILED" : "PENDING").param("code", statusCode)
                .param("error", error == null ? null : error.length() > 500 ? error.substring(0, 500) : error)
                .param("next", giveUp ? null : SqlTime.toSql(nextAttempt)).param("id", id).update();
    }

    /** Deliveries not delivered, per business and status (PENDING, FAILED): the metrics' view. */
    public record Backlog(long businessId, String status, long count) {
    }

    public List<Backlog> backlog() {
        return db.sql("""
                select business_id, status, count(*) as n from webhook_delivery
                where status <> 'DELIVERED' group by business_id, status
                """)
                .query((row, n) -> new Backlog(row.getLong("business_id"), row.getString("status"), row.getLong("n")))
                .list();
    }

    /** Newest first, below {@code beforeId} when given. */
    public List<WebhookDelivery> page(long businessId, long webhookId, Long beforeId, int fetch) {
        Optional<Long> bound = listStart.bound(beforeId, "webhook_delivery",
                new ListStart.Key("webhook_id", webhookId));
        if (bound.isEmpty()) {
            return List.of();
        }
        return db.sql("select " + COLUMNS + """
                 from webhook_delivery
                 where business_id = :business and webhook_id = :webhook and id < :before
                 order by id desc fetch first %d rows only
                """.formatted(fetch))
                .param("business", businessId).param("webhook", webhookId).param("before", bound.get())
                .query(DeliveryRepository::delivery).list();
    }

    private static WebhookDelivery delivery(ResultSet row, int n) throws SQLException {
        int code = row.getInt("last_status_code");
        Integer lastStatus = row.wasNull() ? null : code;
        return new WebhookDelivery(row.getLong("id"), row.getString("event_id"), row.getString("event_type"),
                WebhookDelivery.Status.valueOf(row.getString("status")), row.getInt("attempts"),
                SqlTime.instant(row, "next_attempt_at"), lastStatus, row.getString("last_error"),
                SqlTime.instant(row, "created_at"), SqlTime.instant(row, "delivered_at"));
    }
}
