package dev.outdial.campaign.settings.internal;

import dev.outdial.campaign.settings.CallClassification;
import dev.outdial.shared.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code call_classification} table. */
@Repository
public class CallClassificationRepository {

    private static final String SELECT = "select id, name, reached, code, built_in from call_classification";

    private final JdbcClient db;

    CallClassificationRepository(JdbcClient db) {
        this.db = db;
    }

    /** Appends to the business's list: a new classification shows after the ones before it. */
    public long insert(long businessId, String name, String code, boolean reached, boolean builtIn, Instant createdAt) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                insert into call_classification (business_id, name, code, reached, built_in, sort_order, created_at)
                values (:business, :name, :code, :reached, :builtIn,
                        (select coalesce(max(sort_order), 0) + 1 from call_classification where business_id = :business),
                        :created)
                """)
                .param("business", businessId).param("name", name).param("code", code).param("reached", reached)
                .param("builtIn", builtIn).param("created", SqlTime.toSql(createdAt))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    public void update(long businessId, long id, String name, String code, boolean reached) {
        db.sql("""
                update call_classification set name = :name, code = :code, reached = :reached
                where business_id = :business and id = :id
                """)
                .param("name", name).param("code", code).param("reached", reached)
                .param("business", businessId).param("id", id).update();
    }

    public Optional<CallClassification> find(long businessId, long id) {
        return db.sql(SELECT + " where business_id = :business and id = :id")
                .param("business", businessId).param("id", id).query(CallClassificationRepository::classification)
                .optional();
    }

    public List<CallClassification> list(long businessId) {
        return db.sql(SELECT + " where business_id = :business order by sort_order, id")
                .param("business", businessId).query(CallClassificationRepository::classification).list();
    }

    public boolean nameTaken(long businessId, String name, Long exceptId) {
        return db.sql("""
                select count(*) from call_classification
                where business_id = :business and lower(name) = lower(:name) and (cast(:except as bigint) is null or id <> :except)
                """)
                .param("business", businessId).param("name", name).param("except", exceptId)
                .query(Long.class).single() > 0;
    }

    public boolean codeTaken(long businessId, String code, Long exceptId) {
        return db.sql("""
                select count(*) from call_classification
                where business_id = :business and code = :code and (cast(:except as bigint) is null or id <> :except)
                """)
                .param("business", businessId).param("code", code).param("except", exceptId)
                .query(Long.class).single() > 0;
    }

    /** Ids of the classifications among {@code ids} that belong to the business. */
    public List<Long> existing(long businessId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.sql("select id from call_classification where business_id = :business and id in (:ids)")
                .param("business", businessId).param("ids", ids).query(Long.class).list();
    }

    public void delete(long businessId, long id) {
        db.sql("delete from call_classification where business_id = :business and id = :id")
                .param("business", businessId).param("id", id).update();
    }

    private static CallClassification classification(ResultSet row, int n) throws SQLException {
        return new CallClassification(row.getLong("id"), row.getString("name"), row.getBoolean("reached"),
                row.getString("code"), row.getBoolean("built_in"));
    }
}
