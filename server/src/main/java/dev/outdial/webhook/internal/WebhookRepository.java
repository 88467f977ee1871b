package dev.outdial.webhook.internal;

import dev.outdial.shared.SqlTime;
import dev.outdial.webhook.Webhook;
import dev.outdial.webhook.WebhookEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code webhook} table. */
@Repository
public class WebhookRepository {

    private static final String COLUMNS = "id, url, secret, events, enabled, created_at";

    private final JdbcClient db;

    WebhookRepository(JdbcClient db) {
        this.db = db;
    }

    public long insert(long businessId, String url, String secret, Set<WebhookEvent> events, boolean enabled,
                       Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                insert into webhook (business_id, url, secret, events, enabled, created_at)
                values (:business, :url, :secret, :events, :enabled, :now)
                """)
                .param("business", businessId).param("url", url).param("secret", secret)
                .param("events", names(events)).param("enabled", enabled).param("now", SqlTime.toSql(now))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    public void update(long businessId, long id, String url, Set<WebhookEvent> events, boolean enabled) {
        db.sql("update webhook set url = :url, events = :events, enabled = :enabled where business_id = :business and id = :id")
                .param("url", url).param("events", names(events)).param("enabled", enabled)
                .param("business", businessId).param("id", id).update();
    }

    public Optional<Webhook> find(long businessId, long id) {
        return db.sql("select " + COLUMNS + " from webhook where business_id = :business and id = :id")
                .param("business", businessId).param("id", id).query(WebhookRepository::webhook).optional();
    }

    public List<Webhook> list(long businessId) {
        return db.sql("select " + COLUMNS + " from webhook where business_id = :business order by id")
                .param("business", businessId).query(WebhookRepository::webhook).list();
    }

    /** The business's enabled webhooks that want {@code event}. */
    public List<Webhook> subscribedTo(long businessId, WebhookEvent event) {
        return list(businessId).stream().filter(hook -> hook.enabled() && hook.events().contains(event)).toList();
    }

    public void delete(long businessId, long id) {
        db.sql("delete from webhook where business_id = :business and id = :id")
                .param("business", businessId).param("id", id).update();
    }

    private static String names(Set<WebhookEvent> events) {
        return events.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static Webhook webhook(ResultSet row, int n) throws SQLException {
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        Arrays.stream(row.getString("events").split(",")).filter(name -> !name.isBlank())
                .map(WebhookEvent::valueOf).forEach(events::add);
        return new Webhook(row.getLong("id"), row.getString("url"), events, row.getBoolean("enabled"),
                row.getString("secret"), SqlTime.instant(row, "created_at"));
    }
}
