package dev.outdial.campaign.internal;

import dev.outdial.campaign.CampaignStatus;
import dev.outdial.campaign.settings.SettingKind;
import dev.outdial.campaign.settings.SettingUsage;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Keeps settings that campaigns depend on from being deleted under them: a hotline while a
 * campaign runs on it, a schedule, script or classification while a campaign that is not ENDED
 * names it.
 */
@Component
class CampaignSettingUsage implements SettingUsage {

    private static final List<CampaignStatus> NOT_ENDED = CampaignStatus.notEnded();
    private static final List<CampaignStatus> RUNNING = List.of(CampaignStatus.RUNNING);

    private final CampaignRepository campaigns;

    CampaignSettingUsage(CampaignRepository campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public boolean inUse(long businessId, SettingKind kind, long id) {
        return switch (kind) {
            case HOTLINE -> campaigns.usesHotline(businessId, id, RUNNING);
            case WORKING_HOURS -> campaigns.usesWorkingHours(businessId, id, NOT_ENDED);
            case SCRIPT -> campaigns.usesScript(businessId, id, NOT_ENDED);
            case CLASSIFICATION -> campaigns.usesClassification(businessId, id, NOT_ENDED);
        };
    }
}
