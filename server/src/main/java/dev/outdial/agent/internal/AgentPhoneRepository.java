package dev.outdial.agent.internal;

import dev.outdial.shared.SqlTime;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code agent_phone} table: agents' SIP user names and digest secrets. */
@Repository
public class AgentPhoneRepository {

    /** A phone account the registrar may accept: its user is enabled and not deleted. */
    public record Account(long userId, String sipUsername, String ha1, String realm) {
    }

    private final JdbcClient db;

    AgentPhoneRepository(JdbcClient db) {
        this.db = db;
    }

    public Optional<String> usernameOf(long businessId, long userId) {
        return db.sql("select sip_username from agent_phone where business_id = :business and user_id = :user")
                .param("business", businessId).param("user", userId).query(String.class).optional();
    }

    public boolean hasPhone(long userId) {
        return db.sql("select count(*) from agent_phone where user_id = :user")
                .param("user", userId).query(Long.class).single() > 0;
    }

    /** Who holds the user name, on the whole platform (the registrar has one realm). */
    public Optional<Long> holderOf(String sipUsername) {
        return db.sql("select user_id from agent_phone where sip_username = :username")
                .param("username", sipUsername).query(Long.class).optional();
    }

    public void save(long businessId, long userId, String sipUsername, String ha1, String realm, Instant at) {
        int updated = db.sql("""
                update agent_phone set sip_username = :username, ha1 = :ha1, realm = :realm, updated_at = :at
                 where user_id = :user and business_id = :business
                """)
                .param("username", sipUsername).param("ha1", ha1).param("realm", realm).param("at", SqlTime.toSql(at))
                .param("user", userId).param("business", businessId).update();
        if (updated == 0) {
            db.sql("""
                    insert into agent_phone (user_id, business_id, sip_username, ha1, realm, updated_at)
                    values (:user, :business, :username, :ha1, :realm, :at)
                    """)
                    .param("user", userId).param("business", businessId).param("username", sipUsername)
                    .param("ha1", ha1).param("realm", realm).param("at", SqlTime.toSql(at)).update();
        }
    }

    public boolean delete(long businessId, long userId) {
        return db.sql("delete from agent_phone where business_id = :business and user_id = :user")
                .param("business", businessId).param("user", userId).update() > 0;
    }

    public Optional<Account> account(String sipUsername) {
        return db.sql("""
                select p.user_id, p.sip_username, p.ha1, p.realm
                  from agent_phone p join app_user u on u.id = p.user_id
                 where p.sip_username = :username and u.enabled and not u.deleted
                """)
                .param("username", sipUsername)
                .query((row, n) -> new Account(row.getLong("user_id"), row.getString("sip_username"),
                        row.getString("ha1"), row.getString("realm")))
                .optional();
    }
}
