package dev.outdial.call;

import dev.outdial.business.Businesses;
import dev.outdial.call.internal.CallRecordingRepository;
import dev.outdial.campaign.Campaigns;
import dev.outdial.shared.NotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recordings of the calls campaigns record (V263): kept with the call's record once the call ends, listed by
 * campaign and played to the business's admins and supervisors only; another business's are not found.
 */
@Service
public class CallRecordings {

    private static final Logger LOG = LoggerFactory.getLogger(CallRecordings.class);
    private final CallRecordingRepository recordings;
    private final Campaigns campaigns;
    private final Businesses businesses;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CallRecordings(CallRecordingRepository recordings, Campaigns campaigns, Businesses businesses, Clock clock,
                   ApplicationEventPublisher events) {
        this.recordings = recordings;
        this.campaigns = campaigns;
        this.businesses = businesses;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Keeps the file {@code wav}, {@code length} long, as the recording of the call {@code callId}, streamed from the
     * file, and tells of it ({@link CallRecorded}: the {@code call.recorded} webhook); a call never placed is logged.
     */
    @Transactional
    public void keep(String callId, Path wav, Duration length) throws IOException {
        Instant now = clock.instant();
        recordings.insert(callId, wav, length, now).ifPresentOrElse(
                call -> events.publishEvent(new CallRecorded(call.businessId(), call.campaignId(), callId,
                        length.toMillis(), call.sizeBytes(), now)),
                () -> LOG.warn("The recording of call {} was dropped: no such call", callId));
    }

    /** The query a request names, read on the business's clock and country (see {@link RecordingQuery#read}). */
    @Transactional(readOnly = true)
    public RecordingQuery query(long businessId, Long agentId, String from, String to, String number, String before,
                                Integer limit) {
        return RecordingQuery.read(businesses.get(businessId), agentId, from, to, number, before, limit);
    }

    /** The campaign's recordings the query asks for, newest first; a campaign out of reach answers 404. */
    @Transactional(readOnly = true)
    public List<RecordingView> ofCampaign(long businessId, long campaignId, RecordingQuery query) {
        campaigns.get(businessId, campaignId);
        return recordings.ofCampaign(businessId, campaignId, query);
    }

    /** Which of {@code callIds} have a recording. */
    @Transactional(readOnly = true)
    public Set<String> recordedAmong(long businessId, List<String> callIds) {
        return callIds.isEmpty() ? Set.of() : recordings.recordedAmong(businessId, callIds);
    }

    /** Deletes the call's recording, logged with who did; 404 where the call has none, or is another business's. */
    @Transactional
    public void delete(long businessId, long actorId, String callId) {
        if (!recordings.delete(businessId, callId)) {
            throw new NotFoundException("recording", callId);
        }
        LOG.info("The recording of call {} was deleted by user {}", callId, actorId);
    }

    /**
     * The recording's WAV, read as it is sent; 404 where the call has none, or is another business's. A recording
     * deleted meanwhile ends the read with an error.
     */
    @Transactional(readOnly = true)
    public RecordingAudio audio(long businessId, String callId) {
        long size = recordings.size(businessId, callId).orElseThrow(() -> new NotFoundException("recording", callId));
        return new RecordingAudio(recordings, businessId, callId, size);
    }
}
