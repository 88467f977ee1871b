package dev.outdial.call.internal;

import dev.outdial.campaign.Campaigns;
import dev.outdial.campaign.RecordingRetention;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the recordings a campaign keeps no longer ({@code recordingRetentionDays}), every hour on every node: a
 * delete is the same whichever node makes it, so nodes need not agree who does. A shortened retention reaches the
 * recordings made before it too.
 */
@Component
class RecordingsPurge {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingsPurge.class);

    private final Campaigns campaigns;
    private final CallRecordingRepository recordings;
    private final Clock clock;

    RecordingsPurge(Campaigns campaigns, CallRecordingRepository recordings, Clock clock) {
        this.campaigns = campaigns;
        this.recordings = recordings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${outdial.recordings.purge-interval:PT1H}", initialDelayString = "PT1M")
    void purgeOnSchedule() {
        purge();
    }

    /** How many recordings were older than their campaign keeps them, and are deleted. */
    int purge() {
        Instant now = clock.instant();
        int deleted = 0;
        for (RecordingRetention retention : campaigns.recordingRetention()) {
            deleted += recordings.deleteRecordedBefore(retention.businessId(), retention.campaignId(),
                    now.minus(Duration.ofDays(retention.days())));
        }
        if (deleted > 0) {
            LOG.info("Deleted {} call recordings past their campaigns' retention", deleted);
        }
        return deleted;
    }
}
