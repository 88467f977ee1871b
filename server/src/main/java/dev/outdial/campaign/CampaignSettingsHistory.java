package dev.outdial.campaign;

import dev.outdial.campaign.internal.CampaignSettingsHistoryRepository;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When each value of a campaign's maximum calls, gap, dial type, window and schedule was in force
 * (issue 18). Written on every save of the campaign's settings; read by the call audit.
 */
@Service
public class CampaignSettingsHistory {

    private final Campaigns campaigns;
    private final CampaignSettingsHistoryRepository history;

    CampaignSettingsHistory(Campaigns campaigns, CampaignSettingsHistoryRepository history) {
        this.campaigns = campaigns;
        this.history = history;
    }

    /** Oldest first; 404 for a campaign of another business. */
    @Transactional(readOnly = true)
    public List<CampaignSettingsVersion> of(long businessId, long campaignId) {
        campaigns.get(businessId, campaignId);
        return history.of(businessId, campaignId);
    }
}
