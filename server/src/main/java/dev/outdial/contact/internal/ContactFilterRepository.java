package dev.outdial.contact.internal;

import dev.outdial.contact.ContactFilter;
import dev.outdial.contact.FilterCondition;
import dev.outdial.contact.FilterMatch;
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
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code contact_filter} table; the conditions are JSON text (see V32). */
@Repository
public class ContactFilterRepository {

    private static final TypeReference<List<FilterCondition>> CONDITIONS = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, name, match_mode, conditions, created_at";

    private final JdbcClient db;
    private final JsonMapper json;

    ContactFilterRepository(JdbcClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    public long insert(long businessId, String name, FilterMatch match, List<FilterCondition> conditions,
                       Instant createdAt) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                insert into contact_filter (business_id, name, match_mode, conditions, created_at)
                values (:business, :name, :match, :conditions, :created)
                """)
                .param("business", businessId).param("name", name).param("match", match.name())
                .param("conditions", json.writeValueAsString(conditions)).param("created", SqlTime.toSql(createdAt))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    public void update(long businessId, long id, String name, FilterMatch match, List<FilterCondition> conditions) {
        db.sql("""
                update contact_filter set name = :name, match_mode = :match, conditions = :conditions
                where business_id = :business and id = :id
                """)
                .param("name", name).param("match", match.name()).param("conditions", json.writeValueAsString(conditions))
                .param("business", businessId).param("id", id).update();
    }

    public Optional<ContactFilter> find(long businessId, long id) {
        return db.sql("select " + COLUMNS + " from contact_filter where business_id = :business and id = :id")
                .param("business", businessId).param("id", id).query(this::filter).optional();
    }

    public List<ContactFilter> list(long businessId) {
        return db.sql("select " + COLUMNS + " from contact_filter where business_id = :business order by lower(name), id")
                .param("business", businessId).query(this::filter).list();
    }

    public boolean nameTaken(long businessId, String name, Long exceptId) {
        return UniqueNames.taken(db, "contact_filter", businessId, name, exceptId);
    }

    public void delete(long businessId, long id) {
        db.sql("delete from contact_filter where business_id = :business and id = :id")
                .param("business", businessId).param("id", id).update();
    }

    private ContactFilter filter(ResultSet row, int n) throws SQLException {
        return new ContactFilter(row.getLong("id"), row.getString("name"), FilterMatch.valueOf(row.getString("match_mode")),
                json.readValue(row.getString("conditions"), CONDITIONS), SqlTime.instant(row, "created_at"));
    }
}
