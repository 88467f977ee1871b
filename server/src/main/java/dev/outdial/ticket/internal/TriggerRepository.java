package dev.outdial.ticket.internal;

import dev.outdial.shared.SqlTime;
import dev.outdial.ticket.Trigger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code ticket_trigger} table; conditions and actions are JSON text (see V101). */
@Repository
public class TriggerRepository {

    private static final String SELECT = """
            select id, name, enabled, match_mode, conditions, actions, created_at, updated_at from ticket_trigger""";
    private static final TypeReference<List<Trigger.Condition>> CONDITIONS = new TypeReference<>() {
    };
    private static final TypeReference<List<Trigger.Action>> ACTIONS = new TypeReference<>() {
    };

    private final JdbcClient db;
    private final JsonMapper json;

    TriggerRepository(JdbcClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Inserts the trigger (its id and times are ignored) and returns the new id. */
    public long insert(long businessId, Trigger t, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                insert into ticket_trigger (business_id, name, enabled, match_mode, conditions, actions, created_at,
                                            updated_at)
                values (:business, :name, :enabled, :match, :conditions, :actions, :now, :now)
                """)
                .param("business", businessId).param("name", t.name()).param("enabled", t.enabled())
                .param("match", t.match().name()).param("conditions", json.writeValueAsString(t.conditions()))
                .param("actions", json.writeValueAsString(t.actions())).param("now", SqlTime.toSql(now))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    public void update(long businessId, long id, Trigger t, Instant now) {
        db.sql("""
                update ticket_trigger set name = :name, enabled = :enabled, match_mode = :match,
                       conditions = :conditions, actions = :actions, updated_at = :now
                where business_id = :business and id = :id
                """)
                .param("name", t.name()).param("enabled", t.enabled()).param("match", t.match().name())
                .param("conditions", json.writeValueAsString(t.conditions()))
                .param("actions", json.writeValueAsString(t.actions())).param("now", SqlTime.toSql(now))
                .param("business", businessId).param("id", id).update();
    }

    public Optional<Trigger> find(long businessId, long id) {
        return db.sql(SELECT + " where business_id = :business and id = :id")
                .param("business", businessId).param("id", id).query(this::trigger).optional();
    }

    public List<Trigger> list(long businessId) {
        return db.sql(SELECT + " where business_id = :business order by lower(name), id")
                .param("business", businessId).query(this::trigger).list();
    }

    /** The triggers that run on the business's ticket events, oldest first so their order is stable. */
    public List<Trigger> enabled(long businessId) {
        return db.sql(SELECT + " where business_id = :business and enabled = true order by id")
                .param("business", businessId).query(this::trigger).list();
    }

    public boolean nameTaken(long businessId, String name, Long exceptId) {
        return db.sql("""
                select count(*) from ticket_trigger
                where business_id = :business and lower(name) = lower(:name)
                  and (cast(:except as bigint) is null or id <> :except)
                """)
                .param("business", businessId).param("name", name).param("except", exceptId)
                .query(Long.class).single() > 0;
    }

    public void delete(long businessId, long id) {
        db.sql("delete from ticket_trigger where business_id = :business and id = :id")
                .param("business", businessId).param("id", id).update();
    }

    private Trigger trigger(ResultSet row, int n) throws SQLException {
        return new Trigger(row.getLong("id"), row.getString("name"), row.getBoolean("enabled"),
                Trigger.Match.valueOf(row.getString("match_mode")),
                json.readValue(row.getString("conditions"), CONDITIONS), json.readValue(row.getString("actions"), ACTIONS),
                SqlTime.instant(row, "created_at"), SqlTime.instant(row, "updated_at"));
    }
}
