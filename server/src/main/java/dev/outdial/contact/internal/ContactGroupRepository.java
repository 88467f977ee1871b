package dev.outdial.contact.internal;

import dev.outdial.contact.ContactGroup;
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

/** The {@code contact_group} and {@code contact_group_member} tables. */
@Repository
public class ContactGroupRepository {

    private static final String SELECT = """
            select g.id, g.name, g.created_at,
                   (select count(*) from contact_group_member m where m.group_id = g.id) as members
            from contact_group g
            """;

    private final JdbcClient db;

    ContactGroupRepository(JdbcClient db) {
        this.db = db;
    }

    public long insert(long businessId, String name, Instant createdAt) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("insert into contact_group (business_id, name, created_at) values (:business, :name, :created)")
                .param("business", businessId).param("name", name).param("created", SqlTime.toSql(createdAt))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    public void rename(long businessId, long id, String name) {
        db.sql("update contact_group set name = :name where business_id = :business and id = :id")
                .param("name", name).param("business", businessId).param("id", id).update();
    }

    public Optional<ContactGroup> find(long businessId, long id) {
        return db.sql(SELECT + " where g.business_id = :business and g.id = :id")
                .param("business", businessId).param("id", id).query(ContactGroupRepository::group).optional();
    }

    public List<ContactGroup> list(long businessId) {
        return db.sql(SELECT + " where g.business_id = :business order by lower(g.name), g.id")
                .param("business", businessId).query(ContactGroupRepository::group).list();
    }

    public boolean nameTaken(long businessId, String name, Long exceptId) {
        return UniqueNames.taken(db, "contact_group", businessId, name, exceptId);
    }

    public void delete(long businessId, long id) {
        db.sql("delete from contact_group where business_id = :business and id = :id")
                .param("business", businessId).param("id", id).update();
    }

    /** Adds the business's contacts among {@code contactIds} that are not members yet; a repeat is no change. */
    public void addMembers(long businessId, long groupId, Collection<Long> contactIds) {
        db.sql("""
                insert into contact_group_member (group_id, contact_id)
                select :group, c.id from contact c
                where c.business_id = :business and c.id in (:ids)
                  and not exists (select 1 from contact_group_member m where m.group_id = :group and m.contact_id = c.id)
                """)
                .param("group", groupId).param("business", businessId).param("ids", contactIds).update();
    }

    public void removeMembers(long groupId, Collection<Long> contactIds) {
        db.sql("delete from contact_group_member where group_id = :group and contact_id in (:ids)")
                .param("group", groupId).param("ids", contactIds).update();
    }

    private static ContactGroup group(ResultSet row, int n) throws SQLException {
        return new ContactGroup(row.getLong("id"), row.getString("name"), row.getLong("members"),
                SqlTime.instant(row, "created_at"));
    }
}
