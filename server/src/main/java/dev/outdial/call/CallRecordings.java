package dev.outdial.call;

import dev.outdial.business.Business;
import dev.outdial.business.Businesses;
import dev.outdial.call.internal.CallRecordingRepository;
import dev.outdial.campaign.Campaigns;
import dev.outdial.inbound.InboundRecordings;
import dev.outdial.shared.NotFoundException;
import dev.outdial.shared.RecordingAudio;
import dev.outdial.shared.RecordingQuery;
import dev.outdial.shared.RecordingTable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Call recordings: those of the calls campaigns record (V263) and of the queue calls queues record (V266), each kept
 * with its call's record once the call ends, played to the business's admins and supervisors only and deleted by its
 * admins; another business's are not found. A campaign's are listed here, a queue's by {@link InboundRecordings}.
 */
@Service
public class CallRecordings {

    private static final Logger LOG = LoggerFactory.getLogger(CallRecordings.class);
    private final CallRecordingRepository recordings;
    private final InboundRecordings queueRecordings;
    private final Campaigns campaigns;
    private final Businesses businesses;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CallRecordings(CallRecordingRepository recordings, InboundRecordings queueRecordings, Campaigns campaigns,
                   Businesses businesses, Clock clock, ApplicationEventPublisher events) {
        this.recordings = recordings;
        this.queueRecordings = queueRecordings;
        this.campaigns = campaigns;
        this.businesses = businesses;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Keeps the file {@code wav}, {@code length} long, as the recording of the call {@code callId} (a campaign's call
     * or a queue call), streamed from the file, and tells of it ({@link CallRecorded}: the {@code call.recorded}
     * webhook); a call never placed nor received is logged.
     */
    @Transactional
    public void keep(String callId, Path wav, Duration length) throws IOException {
        Instant now = clock.instant();
        Optional<RecordingTable.Kept> ofCampaign = recordings.table().insert(callId, wav, length, now);
        if (ofCampaign.isPresent()) {
            RecordingTable.Kept call = ofCampaign.get();
            events.publishEvent(new CallRecorded(call.businessId(), call.ownerId(), null, callId, length.toMillis(),
                    call.sizeBytes(), now));
            return;
        }
        queueRecordings.keep(callId, wav, length, now).ifPresentOrElse(
                call -> events.publishEvent(new CallRecorded(call.businessId(), null, call.ownerId(), callId,
                        length.toMillis(), call.sizeBytes(), now)),
                () -> LOG.warn("The recording of call {} was dropped: no such call", callId));
    }

    /**
     * The campaign's recordings the request asks for, newest first, read on the business's clock and country
     * ({@link RecordingQuery#read}); a campaign out of reach answers 404.
     */
    @Transactional(readOnly = true)
    public List<RecordingView> ofCampaign(long businessId, long campaignId, RecordingQuery.Asked asked) {
        campaigns.get(businessId, campaignId);
        Business business = businesses.get(businessId);
        return recordings.ofCampaign(businessId, campaignId,
                RecordingQuery.read(business.timeZone(), business.defaultCountry(), asked));
    }

    /** Which of the campaign calls {@code callIds} have a recording. */
    @Transactional(readOnly = true)
    public Set<String> recordedAmong(long businessId, List<String> callIds) {
        return recordings.table().recordedAmong(businessId, callIds);
    }

    /** Deletes the call's recording, logged with who did; 404 where the call has none, or is another business's. */
    @Transactional
    public void delete(long businessId, long actorId, String callId) {
        if (!recordings.table().delete(businessId, callId) && !queueRecordings.delete(businessId, callId)) {
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
        return recordings.table().audio(businessId, callId).or(() -> queueRecordings.audio(businessId, callId))
                .orElseThrow(() -> new NotFoundException("recording", callId));
    }
}
