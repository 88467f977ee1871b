package dev.outdial.call.internal;

import dev.outdial.campaign.Campaigns;
import dev.outdial.campaign.RecordingRetention;
import dev.outdial.inbound.InboundQueues;
import dev.outdial.inbound.InboundRecordings;
import dev.outdial.inbound.QueueRecordingRetention;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the recordings a campaign or a queue keeps no longer ({@code recordingRetentionDays}), every hour on every node: a
 * delete is the same whichever node makes it, so nodes need not agree who does. A shortened retention reaches the
 * recordings made before it too.
 */
@Component
class RecordingsPurge {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingsPurge.class);

    private final Campaigns campaigns;
    private final CallRecordingRepository recordings;
    private final InboundQueues queues;
    private final InboundRecordings queueRecordings;
    private final Clock clock;

    RecordingsPurge(Campaigns campaigns, CallRecordingRepository recordings, InboundQueues queues,
                    InboundRecordings queueRecordings, Clock clock) {
        this.campaigns = campaigns;
        this.recordings = recordings;
        this.queues = queues;
        this.queueRecordings = queueRecordings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${outdial.recordings.purge-interval:PT1H}", initialDelayString = "PT1M")
    void purgeOnSchedule() {
        purge();
    }

    /** How many recordings were older than their campaign or queue keeps them, and are deleted. */
    int purge() {
        Instant now = clock.instant();
        int deleted = 0;
        for (RecordingRetention retention : campaigns.recordingRetention()) {
            deleted += recordings.table().deleteRecordedBefore(retention.businessId(), retention.campaignId(),
                    now.minus(Duration.ofDays(retention.days())));
        }
        for (QueueRecordingRetention retention : queues.recordingRetention()) {
            deleted += queueRecordings.deleteRecordedBefore(retention.businessId(), retention.queueId(),
                    now.minus(Duration.ofDays(retention.days())));
        }
        if (deleted > 0) {
            LOG.info("Deleted {} call recordings past their campaigns' or queues' retention", deleted);
        }
        return deleted;
    }
}
