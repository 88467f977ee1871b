package dev.outdial.campaign.internal;

import dev.outdial.agent.UserAccounts;
import dev.outdial.campaign.CampaignAction;
import dev.outdial.campaign.CampaignHistoryEntry;
import dev.outdial.campaign.CampaignStatus;
import dev.outdial.shared.SqlTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code campaign_history} table: the audit trail of every lifecycle step. Who acted is named
 * by the {@code agent} module, which owns the users.
 */
@Repository
public class CampaignHistoryRepository {

    private final JdbcClient db;
    private final UserAccounts users;

    CampaignHistoryRepository(JdbcClient db, UserAccounts users) {
        this.db = db;
        this.users = users;
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

    /** Oldest first, each actor named (a deleted user too); the campaign's business was checked by the caller. */
    public List<CampaignHistoryEntry> of(long businessId, long campaignId) {
        List<CampaignHistoryEntry> steps = db.sql("""
                select at, actor_id, action, from_status, to_status from campaign_history
                where campaign_id = :campaign order by at, id
                """)
                .param("campaign", campaignId)
                .query((row, n) -> {
                    long actor = row.getLong("actor_id");
                    Long actorId = row.wasNull() ? null : actor;
                    String from = row.getString("from_status");
                    return new CampaignHistoryEntry(SqlTime.instant(row, "at"), actorId, null,
                            CampaignAction.valueOf(row.getString("action")),
                            from == null ? null : CampaignStatus.valueOf(from),
                            CampaignStatus.valueOf(row.getString("to_status")));
                })
                .list();
        Map<Long, String> names = users.namesOf(businessId, steps.stream().map(CampaignHistoryEntry::actorId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        return steps.stream().map(step -> step.actorId() == null ? step
                : new CampaignHistoryEntry(step.at(), step.actorId(), names.get(step.actorId()), step.action(),
                        step.from(), step.to())).toList();
    }
}
