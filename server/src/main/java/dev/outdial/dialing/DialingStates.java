package dev.outdial.dialing;

import dev.outdial.campaign.Campaign;
import dev.outdial.campaign.CampaignStatus;
import dev.outdial.campaign.Campaigns;
import dev.outdial.dialing.internal.EngineThread;
import dev.outdial.dialing.internal.LiveDialers;
import dev.outdial.engine.pacing.CampaignRunner;
import dev.outdial.engine.pacing.NotDialing;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Why a campaign is not dialing now: the reason its runner's last pacing round found (the engine's
 * {@link NotDialing}), or that it is not RUNNING. Another business's campaign is 404.
 */
@Service
public class DialingStates {

    /** The reason given on a node that does not pace the campaign's business (ARCHITECTURE §7). */
    public static final String PACED_ELSEWHERE = "PACED_ELSEWHERE";

    private final Campaigns campaigns;
    private final EngineThread engine;
    private final LiveDialers dialers;
    private final MessageSource messages;

    DialingStates(Campaigns campaigns, EngineThread engine, LiveDialers dialers, MessageSource messages) {
        this.campaigns = campaigns;
        this.engine = engine;
        this.dialers = dialers;
        this.messages = messages;
    }

    public DialingState of(long businessId, long campaignId, Locale locale) {
        Campaign campaign = campaigns.get(businessId, campaignId);
        Optional<String> pacer = dialers.pacedElsewhere(businessId);
        if (campaign.status() == CampaignStatus.RUNNING && pacer.isPresent()) {
            // Its dialer's reasons live on that node; this one can only say where it runs.
            return new DialingState(campaignId, campaign.status().name(), false, PACED_ELSEWHERE,
                    messages.getMessage("dialing-state." + PACED_ELSEWHERE, new Object[] {pacer.get()}, locale));
        }
        Optional<NotDialing> reason = campaign.status() != CampaignStatus.RUNNING
                ? Optional.of(NotDialing.CAMPAIGN_NOT_RUNNING)
                : engine.call(businessId, () -> dialers.runner(campaignId).map(CampaignRunner::whyNotDialing)
                        .orElse(Optional.of(NotDialing.CAMPAIGN_NOT_RUNNING)));
        return new DialingState(campaignId, campaign.status().name(), reason.isEmpty(),
                reason.map(Enum::name).orElse(null),
                messages.getMessage("dialing-state." + reason.map(Enum::name).orElse("DIALING"), null, locale));
    }
}
