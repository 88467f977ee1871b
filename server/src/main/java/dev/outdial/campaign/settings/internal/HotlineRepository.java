package dev.outdial.campaign.settings.internal;

import dev.outdial.campaign.settings.Hotline;
import dev.outdial.campaign.settings.HotlineGroup;
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

/** The {@code hotline} and {@code hotline_group} tables. */
@Repository
public class HotlineRepository {

    private static final String SELECT = """
            select h.id, h.number, h.name, h.group_id, g.name as group_name, h.enabled, h.failure_count,
                   h.last_failure_at, h.last_failure_reason, h.created_at
            from hotline h left join hotline_group g on g.id = h.group_id
            """;

    private final JdbcClient db;

    HotlineRepository(JdbcClient db) {
        this.db = db;
    }

    public long insert(long businessId, String number, String name, Long groupId, boolean enabled, Instant createdAt) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                insert into hotline (business_id, number, name, group_id, enabled, failure_count, created_at)
                values (:business, :number, :name, :group, :enabled, 0, :created)
                """)
                .param("business", businessId).param("number", number).param("name", name).param("group", groupId)
                .param("enabled", enabled).param("created", SqlTime.toSql(createdAt))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    public void update(long businessId, long id, String number, String name, Long groupId, boolean enabled) {
        db.sql("""
                update hotline set number = :number, name = :name, group_id = :group, enabled = :enabled
                where business_id = :business and id = :id
                """)
                .param("number", number).param("name", name).param("group", groupId).param("enabled", enabled)
                .param("business", businessId).param("id", id).update();
    }

    /** Keeps the number the hotline gives up at {@code replacedAt}, for the failures of calls made under it. */
    public void rememberFormerNumber(long businessId, long id, String number, Instant replacedAt) {
        db.sql("""
                insert into hotline_former_number (hotline_id, business_id, number, replaced_at)
                values (:id, :business, :number, :replaced)
                """)
                .param("id", id).param("business", businessId).param("number", number)
                .param("replaced", SqlTime.toSql(replacedAt)).update();
    }

    /**
     * The hotline a call made under {@code number} at {@code at} went out on: the first to give the number up
     * after {@code at}; else the one that has it now; else the last to give it up (a dial that read the hotlines
     * just before they were renumbered). Numbers are unique among a business's hotlines at any time.
     */
    public Optional<Long> calledFrom(long businessId, String number, Instant at) {
        Optional<Long> gaveItUpLater = db.sql("""
                select hotline_id from hotline_former_number
                where business_id = :business and number = :number and replaced_at > :at
                order by replaced_at fetch first 1 rows only
                """)
                .param("business", businessId).param("number", number).param("at", SqlTime.toSql(at))
                .query(Long.class).optional();
        if (gaveItUpLater.isPresent()) {
            return gaveItUpLater;
        }
        Optional<Long> hasItNow = db.sql("select id from hotline where business_id = :business and number = :number")
                .param("business", businessId).param("number", number).query(Long.class).optional();
        if (hasItNow.isPresent()) {
            return hasItNow;
        }
        return db.sql("""
                select hotline_id from hotline_former_number where business_id = :business and number = :number
                order by replaced_at desc fetch first 1 rows only
                """)
                .param("business", businessId).param("number", number).query(Long.class).optional();
    }

    public Optional<Hotline> find(long businessId, long id) {
        return db.sql(SELECT + " where h.business_id = :business and h.id = :id")
                .param("business", businessId).param("id", id).query(HotlineRepository::hotline).optional();
    }

    public List<Hotline> list(long businessId) {
        return db.sql(SELECT + " where h.business_id = :business order by h.number")
                .param("business", businessId).query(HotlineRepository::hotline).list();
    }

    public boolean numberTaken(long businessId, String number, Long exceptId) {
        return db.sql("""
                select count(*) from hotline
                where business_id = :business and number = :number and (cast(:except as bigint) is null or id <> :except)
                """)
                .param("business", businessId).param("number", number).param("except", exceptId)
                .query(Long.class).single() > 0;
    }

    /** Ids of the hotlines among {@code ids} that belong to the business. */
    public List<Long> existing(long businessId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.sql("select id from hotline where business_id = :business and id in (:ids)")
                .param("business", businessId).param("ids", ids).query(Long.class).list();
    }

    public void delete(long businessId, long id) {
        db.sql("delete from hotline where business_id = :business and id = :id")
                .param("business", businessId).param("id", id).update();
    }

    /** Counts one more failure; false when the business has no such hotline. */
    public boolean recordFailure(long businessId, long id, String reason, Instant when) {
        return db.sql("""
                update hotline set failure_count = failure_count + 1, last_failure_at = :when,
                       last_failure_reason = :reason
                where business_id = :business and id = :id
                """)
                .param("when", SqlTime.toSql(when)).param("reason", reason)
                .param("business", businessId).param("id", id).update() == 1;
    }

    public long insertGroup(long businessId, String name, Instant createdAt) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("insert into hotline_group (business_id, name, created_at) values (:business, :name, :created)")
                .param("business", businessId).param("name", name).param("created", SqlTime.toSql(createdAt))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    /** The group of that name, whatever its case: "demo" and "Demo" are one group to an admin. */
    public Optional<Long> groupId(long businessId, String name) {
        return db.sql("select id from hotline_group where business_id = :business and lower(name) = lower(:name)")
                .param("business", businessId).param("name", name).query(Long.class).optional();
    }

    public List<HotlineGroup> groups(long businessId) {
        return db.sql("select id, name from hotline_group where business_id = :business order by lower(name), id")
                .param("business", businessId)
                .query((row, n) -> group(businessId, row)).list();
    }

    public Optional<HotlineGroup> group(long businessId, long groupId) {
        return db.sql("select id, name from hotline_group where business_id = :business and id = :id")
                .param("business", businessId).param("id", groupId)
                .query((row, n) -> group(businessId, row)).optional();
    }

    private HotlineGroup group(long businessId, ResultSet row) throws SQLException {
        long id = row.getLong("id");
        List<Long> members = db.sql("select id from hotline where business_id = :business and group_id = :group order by id")
                .param("business", businessId).param("group", id).query(Long.class).list();
        return new HotlineGroup(id, row.getString("name"), members);
    }

    private static Hotline hotline(ResultSet row, int n) throws SQLException {
        long groupId = row.getLong("group_id");
        Long group = row.wasNull() ? null : groupId;
        return new Hotline(row.getLong("id"), row.getString("number"), row.getString("name"),
                row.getString("group_name"), group, row.getBoolean("enabled"), row.getInt("failure_count"),
                SqlTime.instant(row, "last_failure_at"), row.getString("last_failure_reason"),
                SqlTime.instant(row, "created_at"));
    }
}
