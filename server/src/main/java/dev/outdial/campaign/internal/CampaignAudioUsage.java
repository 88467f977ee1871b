package dev.outdial.campaign.internal;

import dev.outdial.campaign.CampaignStatus;
import dev.outdial.media.AudioUsage;
import org.springframework.stereotype.Component;

/** Keeps a predictive campaign's waiting music while a campaign that is not ENDED plays it. */
@Component
class CampaignAudioUsage implements AudioUsage {

    private final CampaignRepository campaigns;

    CampaignAudioUsage(CampaignRepository campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public boolean uses(long businessId, long audioId) {
        return campaigns.playsWaitingMusic(businessId, audioId, CampaignStatus.notEnded());
    }
}
