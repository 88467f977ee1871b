package dev.outdial.dialing.internal;

import dev.outdial.shared.LocalClockSql;
import dev.outdial.shared.SqlTime;
import dev.outdial.dialing.AgentReceipts.Received;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Customers each agent received, per campaign: what the daily quota counts (SPEC §5). */
@Repository
public class AgentReceiptRepository {

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

    /**
     * Customers each agent received per campaign of {@code campaignIds} from {@code start} to
     * {@code end}, and on how many days: dates of {@code zone}.
     */
    public List<Received> received(Collection<Long> campaignIds, Instant start, Instant end, ZoneId zone) {
        if (campaignIds.isEmpty()) {
            return List.of();
        }
        return db.sql("""
                select agent_id, campaign_id, count(*) as customers,
                       count(distinct %s) as days
                  from agent_receipt
                 where campaign_id in (:campaigns) and received_at >= :start and received_at < :end
                 group by agent_id, campaign_id
                 order by agent_id, campaign_id
                """.formatted(LocalClockSql.dayOf("extract(epoch from received_at)", zone, start, end)))
                .param("campaigns", campaignIds).param("start", SqlTime.toSql(start))
                .param("end", SqlTime.toSql(end))
                .query((row, n) -> new Received(row.getLong("agent_id"), row.getLong("campaign_id"),
                        row.getLong("customers"), row.getLong("days")))
                .list();
    }
}
