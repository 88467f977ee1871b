package dev.outdial.dialing.internal;

import dev.outdial.shared.SqlTime;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which node each agent works against, renewed by that node while the agent is present there (issue 14). */
@Repository
class AgentPresenceRepository {

    private final JdbcClient db;

    AgentPresenceRepository(JdbcClient db) {
        this.db = db;
    }

    /** The agent acts on {@code node} now: their presence is that node's from now on. */
    void claim(long agentId, String node, Instant now) {
        int updated = db.sql("update agent_presence set node = :node, renewed_at = :now where agent_id = :agent")
                .param("node", node).param("now", SqlTime.toSql(now)).param("agent", agentId).update();
        if (updated == 0) {
            try {
                db.sql("insert into agent_presence (agent_id, node, renewed_at) values (:agent, :node, :now)")
                        .param("agent", agentId).param("node", node).param("now", SqlTime.toSql(now)).update();
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                claim(agentId, node, now);
            }
        }
    }

    /** Renews the presence of every agent still the node's; answers them (those gone to another node are not). */
    Set<Long> renew(String node, Instant now) {
        db.sql("update agent_presence set renewed_at = :now where node = :node")
                .param("now", SqlTime.toSql(now)).param("node", node).update();
        return db.sql("select agent_id from agent_presence where node = :node").param("node", node)
                .query(Long.class).list().stream().collect(Collectors.toSet());
    }
}
