package dev.outdial.agent.internal;

import dev.outdial.agent.UserAccount;
import dev.outdial.shared.Role;
import dev.outdial.shared.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code app_user} table. Deleted users stay (calls keep naming them) but are never found. */
@Repository
public class UserRepository {

    private static final String COLUMNS = "id, business_id, username, name, role, enabled, created_at";

    private final JdbcClient db;

    UserRepository(JdbcClient db) {
        this.db = db;
    }

    public long insert(Long businessId, String username, String name, String passwordHash, Role role,
                       boolean enabled, Instant createdAt) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                insert into app_user (business_id, username, name, password_hash, role, enabled, created_at)
                values (:business, :username, :name, :hash, :role, :enabled, :created)
                """)
                .param("business", businessId)
                .param("username", username)
                .param("name", name)
                .param("hash", passwordHash)
                .param("role", role.name())
                .param("enabled", enabled)
                .param("created", SqlTime.toSql(createdAt))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    public Optional<UserAccount> find(long businessId, long id) {
        return db.sql("select " + COLUMNS + " from app_user where business_id = :business and id = :id and not deleted")
                .param("business", businessId).param("id", id)
                .query(UserRepository::account).optional();
    }

    public List<UserAccount> list(long businessId, Role role) {
        return db.sql("select " + COLUMNS + """
                 from app_user
                 where business_id = :business and not deleted and (cast(:role as varchar(20)) is null or role = :role)
                 order by lower(name), id
                """)
                .param("business", businessId).param("role", role == null ? null : role.name())
                .query(UserRepository::account).list();
    }

    /** Names of the business's users among {@code ids}, deleted ones included. */
    public Map<Long, String> names(long businessId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new HashMap<>();
        db.sql("select id, name from app_user where business_id = :business and id in (:ids)")
                .param("business", businessId).param("ids", ids)
                .query((row, n) -> names.put(row.getLong("id"), row.getString("name"))).list();
        return names;
    }

    /** The ids among {@code ids} that are enabled agents of the business. */
    public List<Long> activeAgentIds(long businessId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.sql("""
                select id from app_user
                where business_id = :business and id in (:ids) and role = 'AGENT' and enabled and not deleted
                """)
                .param("business", businessId).param("ids", ids)
                .query(Long.class).list();
    }

    public Optional<Credentials> credentials(String username) {
        return db.sql("select " + COLUMNS + ", password_hash, session_stamp from app_user where username = :username and not deleted")
                .param("username", username)
                .query((row, n) -> new Credentials(account(row, n), row.getString("password_hash"),
                        row.getInt("session_stamp")))
                .optional();
    }

    public boolean usernameTaken(String username) {
        return db.sql("select count(*) from app_user where username = :username")
                .param("username", username).query(Long.class).single() > 0;
    }

    public boolean operatorExists() {
        return db.sql("select count(*) from app_user where role = 'OPERATOR'").query(Long.class).single() > 0;
    }

    public long enabledAdmins(long businessId) {
        return db.sql("""
                select count(*) from app_user
                where business_id = :business and role = 'ADMIN' and enabled and not deleted
                """)
                .param("business", businessId).query(Long.class).single();
    }

    /** A change of sign-in name, role or enabled state moves the session stamp on (see V185). */
    public void update(long businessId, long id, String username, String name, Role role, boolean enabled) {
        db.sql("""
                update app_user set username = :username, name = :name, role = :role, enabled = :enabled,
                    session_stamp = case when username <> :username or role <> :role or enabled <> :enabled
                                         then session_stamp + 1 else session_stamp end
                where business_id = :business and id = :id
                """)
                .param("username", username).param("name", name).param("role", role.name())
                .param("enabled", enabled).param("business", businessId).param("id", id)
                .update();
    }

    public void updatePassword(long id, String passwordHash) {
        db.sql("update app_user set password_hash = :hash, session_stamp = session_stamp + 1 where id = :id")
                .param("hash", passwordHash).param("id", id).update();
    }

    /**
     * Hides the user for good and frees their e-mail address for a new account; the row stays
     * because call records and history name it.
     */
    public void markDeleted(long businessId, long id) {
        db.sql("""
                update app_user set deleted = true, enabled = false, username = concat('deleted-', id, '-', username)
                where business_id = :business and id = :id
                """)
                .param("business", businessId).param("id", id).update();
    }

    public Optional<Long> operatorId() {
        return db.sql("select id from app_user where role = 'OPERATOR'").query(Long.class).optional();
    }

    private static UserAccount account(ResultSet row, int rowNum) throws SQLException {
        // getObject, not getLong + wasNull: wasNull speaks of the column read last, whichever it was.
        return new UserAccount(row.getLong("id"), row.getObject("business_id", Long.class), row.getString("username"),
                row.getString("name"), Role.valueOf(row.getString("role")), row.getBoolean("enabled"),
                SqlTime.instant(row, "created_at"));
    }

    /** What signing in needs; {@code sessionStamp} tells a page session whether it still stands. */
    public record Credentials(UserAccount account, String passwordHash, int sessionStamp) {
    }
}
