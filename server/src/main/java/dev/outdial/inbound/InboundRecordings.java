package dev.outdial.inbound;

import dev.outdial.business.Business;
import dev.outdial.business.Businesses;
import dev.outdial.inbound.internal.InboundCallRecordingRepository;
import dev.outdial.shared.RecordingAudio;
import dev.outdial.shared.RecordingQuery;
import dev.outdial.shared.RecordingTable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recordings of the queue calls a queue records (V266), kept with the inbound call's record; the calls module
 * keeps, plays and deletes them beside campaigns' recordings, and this module lists them by queue.
 */
@Service
public class InboundRecordings {

    private final InboundCallRecordingRepository recordings;
    private final InboundQueues queues;
    private final Businesses businesses;

    InboundRecordings(InboundCallRecordingRepository recordings, InboundQueues queues, Businesses businesses) {
        this.recordings = recordings;
        this.queues = queues;
        this.businesses = businesses;
    }

    /** Keeps {@code wav} as the recording of the queue call {@code callId}; empty where there is no such call. */
    @Transactional
    public Optional<RecordingTable.Kept> keep(String callId, Path wav, Duration length, Instant recordedAt)
            throws IOException {
        return recordings.table().insert(callId, wav, length, recordedAt);
    }

    /**
     * The queue's recordings the request asks for, newest first, the number being the caller's; read on the business's
     * clock and country ({@link RecordingQuery#read}); a queue out of reach answers 404.
     */
    @Transactional(readOnly = true)
    public List<QueueRecordingView> ofQueue(long businessId, long queueId, RecordingQuery.Asked asked) {
        queues.get(businessId, queueId);
        Business business = businesses.get(businessId);
        return recordings.ofQueue(businessId, queueId,
                RecordingQuery.read(business.timeZone(), business.defaultCountry(), asked));
    }

    /** Which of {@code callIds} have a recording. */
    @Transactional(readOnly = true)
    public Set<String> recordedAmong(long businessId, List<String> callIds) {
        return recordings.table().recordedAmong(businessId, callIds);
    }

    /** The queue call's recording, read as it is sent, where it has one of the business's. */
    @Transactional(readOnly = true)
    public Optional<RecordingAudio> audio(long businessId, String callId) {
        return recordings.table().audio(businessId, callId);
    }

    /** Whether the queue call had a recording of the business's, now deleted. */
    @Transactional
    public boolean delete(long businessId, String callId) {
        return recordings.table().delete(businessId, callId);
    }

    /** Deletes the queue's recordings made before {@code before}; how many. */
    @Transactional
    public int deleteRecordedBefore(long businessId, long queueId, Instant before) {
        return recordings.table().deleteRecordedBefore(businessId, queueId, before);
    }
}
