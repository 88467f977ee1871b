package dev.outdial.inbound;

import dev.outdial.engine.inbound.InboundCall;
import dev.outdial.engine.inbound.QueueRules;
import dev.outdial.engine.port.Telephony;
import dev.outdial.inbound.internal.InboundCallRepository;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Calls into the business's queues: the queue's rules as the engine applies them, and the record of each call. */
@Service
public class InboundCalls {

    /** A queue's list shows this many calls, newest first. */
    public static final int LIST_LIMIT = 500;

    private final InboundCallRepository calls;
    private final InboundQueues queues;

    InboundCalls(InboundCallRepository calls, InboundQueues queues) {
        this.calls = calls;
        this.queues = queues;
    }

    /** The queue's Auto Callback settings for the engine; 404 for another business's queue. */
    @Transactional(readOnly = true)
    public QueueRules rulesOf(long businessId, long queueId) {
        InboundQueue queue = queues.get(businessId, queueId);
        Optional<Telephony.Prompt> notification = Optional.ofNullable(queue.notificationAudioId())
                .map(audio -> new Telephony.Prompt.AudioFile("/api/v1/audio/" + audio + "/content"));
        return new QueueRules(queue.id(), queue.callbackKey(), Duration.ofSeconds(queue.minSecondsBeforeCallback()),
                Duration.ofSeconds(queue.maxWaitSeconds()), queue.ticketsForMissedCalls(), notification);
    }

    @Transactional
    public void save(InboundCall call) {
        calls.save(call);
    }

    /** The queue's calls, newest first; 404 for another business's queue. */
    @Transactional(readOnly = true)
    public List<InboundCallView> ofQueue(long businessId, long queueId) {
        queues.get(businessId, queueId);
        return calls.ofQueue(businessId, queueId, LIST_LIMIT);
    }
}
