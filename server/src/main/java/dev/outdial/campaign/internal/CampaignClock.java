package dev.outdial.campaign.internal;

import dev.outdial.campaign.Campaigns;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Starts approved campaigns when their start time arrives and ends live ones when their end time
 * passes, every few seconds on every node (the status changes are conditional, so nodes agree).
 */
@Configuration
class CampaignClock {

    private static final Logger log = LoggerFactory.getLogger(CampaignClock.class);

    private final Campaigns campaigns;
    private final Clock clock;

    CampaignClock(Campaigns campaigns, Clock clock) {
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${outdial.campaign.clock-interval:PT5S}")
    void tick() {
        try {
            int moved = campaigns.applyCampaignTimes(clock.instant());
            if (moved > 0) {
                log.info("{} campaign(s) started or ended by their schedule", moved);
            }
        } catch (RuntimeException failure) {
            // The next tick tries again; a passing database hiccup must not stop the clock.
            log.warn("Campaign clock tick failed", failure);
        }
    }
}
