package dev.outdial.campaign.internal;

import dev.outdial.campaign.CampaignDefinition;
import dev.outdial.campaign.CampaignSettingsVersion;
import dev.outdial.engine.customer.DialType;
import dev.outdial.shared.SqlTime;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code campaign_settings_history} table (V210): the settings the audit judges calls by, as
 * each save of the campaign left them.
 */
@Repository
public class CampaignSettingsHistoryRepository {

    private final JdbcClient db;

    CampaignSettingsHistoryRepository(JdbcClient db) {
        this.db = db;
    }

    /** {@code s} is in force from {@code at} until the next save; called on every save, in its transaction. */
    void record(long businessId, long campaignId, CampaignDefinition s, Instant at) {
        db.sql("""
                insert into campaign_settings_history (business_id, campaign_id, in_force_from, dial_mode,
                    max_calls_per_customer, retry_gap_minutes, start_time, end_time, working_hours_id)
                values (:business, :campaign, :at, :dialMode, :maxCalls, :retryGap, :start, :end, :workingHours)
                """)
                .param("business", businessId).param("campaign", campaignId).param("at", SqlTime.toSql(at))
                .param("dialMode", s.dialMode().name()).param("maxCalls", s.maxCallsPerCustomer())
                .param("retryGap", s.retryGapMinutes()).param("start", SqlTime.toSql(s.startTime().toInstant())).param("end", SqlTime.toSql(s.endTime().toInstant()))
                .param("workingHours", s.workingHoursId())
                .update();
    }

    /** Oldest first. */
    public List<CampaignSettingsVersion> of(long businessId, long campaignId) {
        return db.sql("""
                select in_force_from, dial_mode, max_calls_per_customer, retry_gap_minutes, start_time, end_time,
                    working_hours_id
                from campaign_settings_history where business_id = :business and campaign_id = :campaign
                order by in_force_from, id
                """)
                .param("business", businessId).param("campaign", campaignId)
                .query((row, n) -> new CampaignSettingsVersion(SqlTime.instant(row, "in_force_from"),
                        DialType.valueOf(row.getString("dial_mode")), row.getInt("max_calls_per_customer"),
                        row.getInt("retry_gap_minutes"), SqlTime.instant(row, "start_time"),
                        SqlTime.instant(row, "end_time"), row.getLong("working_hours_id")))
                .list();
    }
}
