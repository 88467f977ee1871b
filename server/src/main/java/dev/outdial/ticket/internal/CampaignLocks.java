package dev.outdial.ticket.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The per-campaign lock rows of V101. A row is created when a trigger that adds to the campaign is
 * saved, so locking never has to insert (two first inserts at once would race themselves).
 */
@Repository
public class CampaignLocks {

    private final JdbcClient db;

    CampaignLocks(JdbcClient db) {
        this.db = db;
    }

    /** Makes sure the campaign has its lock row. */
    public void prepare(long campaignId) {
        db.sql("""
                insert into trigger_campaign_lock (campaign_id)
                select id from campaign
                where id = :campaign and not exists (select 1 from trigger_campaign_lock where campaign_id = :campaign)
                """)
                .param("campaign", campaignId).update();
    }

    /**
     * Holds the campaign's lock until the transaction ends: a second ticket adding to the same
     * campaign waits here, then reads what the first one added (read committed reads anew after
     * the wait).
     */
    public void lock(long campaignId) {
        db.sql("select campaign_id from trigger_campaign_lock where campaign_id = :campaign for update")
                .param("campaign", campaignId).query(Long.class).optional();
    }
}
