package dev.outdial.call.internal;

import dev.outdial.campaign.Campaigns;
import dev.outdial.inbound.InboundQueues;
import dev.outdial.inbound.InboundRecordings;
import dev.outdial.shared.RecordingRetention;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
        int deleted = purge(campaigns.recordingRetention(), recordings.table()::deleteRecordedBefore, now)
                + purge(queues.recordingRetention(), queueRecordings::deleteRecordedBefore, now);
        if (deleted > 0) {
            LOG.info("Deleted {} call recordings past their campaigns' or queues' retention", deleted);
        }
        return deleted;
    }

    private static int purge(List<RecordingRetention> retentions, Deleter deleter, Instant now) {
        int deleted = 0;
        for (RecordingRetention retention : retentions) {
            deleted += deleter.deleteRecordedBefore(retention.businessId(), retention.ownerId(),
                    now.minus(Duration.ofDays(retention.days())));
        }
        return deleted;
    }

    /** Deletes a campaign's or a queue's recordings made before {@code before}; how many. */
    @FunctionalInterface
    private interface Deleter {
        int deleteRecordedBefore(long businessId, long ownerId, Instant before);
    }
}
