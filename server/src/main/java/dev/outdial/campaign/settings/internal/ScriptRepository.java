package dev.outdial.campaign.settings.internal;

import dev.outdial.campaign.settings.Question;
import dev.outdial.campaign.settings.Script;
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

/** The {@code script} table; the questions are JSON text (see V12). */
@Repository
public class ScriptRepository {

    private static final String SELECT = "select id, name, default_of, questions from script";
    private static final TypeReference<List<Question>> QUESTIONS = new TypeReference<>() {
    };

    private final JdbcClient db;
    private final JsonMapper json;

    ScriptRepository(JdbcClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    public long insert(long businessId, String name, List<Question> questions, Instant createdAt) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                insert into script (business_id, name, questions, created_at)
                values (:business, :name, :questions, :created)
                """)
                .param("business", businessId).param("name", name).param("questions", json.writeValueAsString(questions))
                .param("created", SqlTime.toSql(createdAt))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    public void update(long businessId, long id, String name, List<Question> questions) {
        db.sql("update script set name = :name, questions = :questions where business_id = :business and id = :id")
                .param("name", name).param("questions", json.writeValueAsString(questions))
                .param("business", businessId).param("id", id).update();
    }

    /** Moves the business's default to this script: the old default is released first (V12). */
    public void makeDefault(long businessId, long id) {
        db.sql("update script set default_of = null where default_of = :business")
                .param("business", businessId).update();
        db.sql("update script set default_of = business_id where business_id = :business and id = :id")
                .param("business", businessId).param("id", id).update();
    }

    public Optional<Script> find(long businessId, long id) {
        return db.sql(SELECT + " where business_id = :business and id = :id")
                .param("business", businessId).param("id", id).query(this::script).optional();
    }

    public Optional<Script> findDefault(long businessId) {
        return db.sql(SELECT + " where default_of = :business")
                .param("business", businessId).query(this::script).optional();
    }

    /** The default first, then by name. */
    public List<Script> list(long businessId) {
        return db.sql(SELECT + " where business_id = :business order by case when default_of is null then 1 else 0 end, lower(name), id")
                .param("business", businessId).query(this::script).list();
    }

    public boolean nameTaken(long businessId, String name, Long exceptId) {
        return db.sql("""
                select count(*) from script
                where business_id = :business and lower(name) = lower(:name) and (cast(:except as bigint) is null or id <> :except)
                """)
                .param("business", businessId).param("name", name).param("except", exceptId)
                .query(Long.class).single() > 0;
    }

    public void delete(long businessId, long id) {
        db.sql("delete from script where business_id = :business and id = :id")
                .param("business", businessId).param("id", id).update();
    }

    private Script script(ResultSet row, int n) throws SQLException {
        return new Script(row.getLong("id"), row.getString("name"), row.getObject("default_of") != null,
                List.copyOf(json.readValue(row.getString("questions"), QUESTIONS)));
    }
}
