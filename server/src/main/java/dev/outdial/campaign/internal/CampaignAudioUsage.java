package dev.outdial.campaign.internal;

import dev.outdial.campaign.CampaignStatus;
import dev.outdial.media.AudioUsage;
import org.springframework.stereotype.Component;

/** Keeps a campaign's waiting music and voicemail message while a campaign that is not ENDED plays them. */
@Component
class CampaignAudioUsage implements AudioUsage {

    private final CampaignRepository campaigns;

    CampaignAudioUsage(CampaignRepository campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public boolean uses(long businessId, long audioId) {
        return campaigns.playsAudio(businessId, audioId, CampaignStatus.notEnded());
    }
}
