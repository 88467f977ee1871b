package dev.outdial.agent.internal;

import dev.outdial.agent.AgentGroup;
import dev.outdial.shared.SqlTime;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code agent_group} and {@code agent_group_member} tables. */
@Repository
public class AgentGroupRepository {

    private final JdbcClient db;

    AgentGroupRepository(JdbcClient db) {
        this.db = db;
    }

    public long insert(long businessId, String name, Instant createdAt) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("insert into agent_group (business_id, name, created_at) values (:business, :name, :created)")
                .param("business", businessId).param("name", name).param("created", SqlTime.toSql(createdAt))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    public void rename(long businessId, long id, String name) {
        db.sql("update agent_group set name = :name where business_id = :business and id = :id")
                .param("name", name).param("business", businessId).param("id", id).update();
    }

    public void replaceMembers(long groupId, Collection<Long> agentIds) {
        db.sql("delete from agent_group_member where group_id = :group").param("group", groupId).update();
        for (Long agentId : agentIds) {
            db.sql("insert into agent_group_member (group_id, user_id) values (:group, :user)")
                    .param("group", groupId).param("user", agentId).update();
        }
    }

    public Optional<AgentGroup> find(long businessId, long id) {
        return db.sql("select id, name, created_at from agent_group where business_id = :business and id = :id")
                .param("business", businessId).param("id", id)
                .query((row, n) -> new AgentGroup(row.getLong("id"), row.getString("name"), members(row.getLong("id")),
                        SqlTime.instant(row, "created_at")))
                .optional();
    }

    public List<AgentGroup> list(long businessId) {
        return db.sql("select id, name, created_at from agent_group where business_id = :business order by lower(name), id")
                .param("business", businessId)
                .query((row, n) -> new AgentGroup(row.getLong("id"), row.getString("name"), members(row.getLong("id")),
                        SqlTime.instant(row, "created_at")))
                .list();
    }

    public boolean nameTaken(long businessId, String name, Long exceptId) {
        return db.sql("""
                select count(*) from agent_group
                where business_id = :business and lower(name) = lower(:name) and (cast(:except as bigint) is null or id <> :except)
                """)
                .param("business", businessId).param("name", name).param("except", exceptId)
                .query(Long.class).single() > 0;
    }

    /** Ids of the groups among {@code groupIds} that belong to the business. */
    public List<Long> existing(long businessId, Collection<Long> groupIds) {
        if (groupIds.isEmpty()) {
            return List.of();
        }
        return db.sql("select id from agent_group where business_id = :business and id in (:ids)")
                .param("business", businessId).param("ids", groupIds).query(Long.class).list();
    }

    public void delete(long businessId, long id) {
        db.sql("delete from agent_group where business_id = :business and id = :id")
                .param("business", businessId).param("id", id).update();
    }

    private List<Long> members(long groupId) {
        return db.sql("""
                select m.user_id from agent_group_member m join app_user u on u.id = m.user_id
                where m.group_id = :group and not u.deleted order by m.user_id
                """)
                .param("group", groupId).query(Long.class).list();
    }
}
