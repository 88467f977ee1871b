package dev.outdial.dialing.internal;

import dev.outdial.shared.SqlTime;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Customers each agent received, per campaign: what the daily quota counts (SPEC §5). */
@Repository
class AgentReceiptRepository {

    private final JdbcClient db;

    AgentReceiptRepository(JdbcClient db) {
        this.db = db;
    }

    void received(long agentId, long campaignId, long customerId, Instant at) {
        db.sql("""
                insert into agent_receipt (agent_id, campaign_id, customer_id, received_at)
                values (:agent, :campaign, :customer, :at)
                """)
                .param("agent", agentId).param("campaign", campaignId).param("customer", customerId)
                .param("at", SqlTime.toSql(at)).update();
    }

    int customersReceived(long agentId, long campaignId, Instant from, Instant until) {
        return db.sql("""
                select count(*) from agent_receipt
                where agent_id = :agent and campaign_id = :campaign and received_at >= :from and received_at < :until
                """)
                .param("agent", agentId).param("campaign", campaignId)
                .param("from", SqlTime.toSql(from)).param("until", SqlTime.toSql(until))
                .query(Integer.class).single();
    }
}
