package dev.outdial.campaign.internal;

import dev.outdial.campaign.CampaignAction;
import dev.outdial.campaign.CampaignHistoryEntry;
import dev.outdial.campaign.CampaignStatus;
import dev.outdial.shared.SqlTime;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code campaign_history} table: the audit trail of every lifecycle step. */
@Repository
public class CampaignHistoryRepository {

    private final JdbcClient db;

    CampaignHistoryRepository(JdbcClient db) {
        this.db = db;
    }

    public void record(long campaignId, Instant at, Long actorId, CampaignAction action, CampaignStatus from,
                       CampaignStatus to) {
        db.sql("""
                insert into campaign_history (campaign_id, at, actor_id, action, from_status, to_status)
                values (:campaign, :at, :actor, :action, :from, :to)
                """)
                .param("campaign", campaignId).param("at", SqlTime.toSql(at)).param("actor", actorId)
                .param("action", action.name()).param("from", from == null ? null : from.name())
                .param("to", to.name())
                .update();
    }

    /** Oldest first; the campaign's business was checked by the caller. */
    public List<CampaignHistoryEntry> of(long campaignId) {
        return db.sql("""
                select h.at, h.actor_id, u.name as actor_name, h.action, h.from_status, h.to_status
                from campaign_history h left join app_user u on u.id = h.actor_id
                where h.campaign_id = :campaign order by h.at, h.id
                """)
                .param("campaign", campaignId)
                .query((row, n) -> {
                    long actor = row.getLong("actor_id");
                    Long actorId = row.wasNull() ? null : actor;
                    String from = row.getString("from_status");
                    return new CampaignHistoryEntry(SqlTime.instant(row, "at"), actorId,
                            row.getString("actor_name"), CampaignAction.valueOf(row.getString("action")),
                            from == null ? null : CampaignStatus.valueOf(from),
                            CampaignStatus.valueOf(row.getString("to_status")));
                })
                .list();
    }
}
