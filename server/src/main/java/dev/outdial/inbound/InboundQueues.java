package dev.outdial.inbound;

import dev.outdial.inbound.internal.QueueRepository;
import dev.outdial.media.AudioFiles;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.Names;
import dev.outdial.shared.NotFoundException;
import dev.outdial.shared.Violations;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The business's inbound queues, checked as the manual's Auto Callback settings describe them. */
@Service
public class InboundQueues {

    /** "Any single digit from 1 to 9, or the keys * and #": 0 usually means the operator. */
    private static final Pattern CALLBACK_KEY = Pattern.compile("[1-9*#]");
    static final int MAX_WAIT_SECONDS = 3600;
    private static final int DEFAULT_MAX_WAIT_SECONDS = 60;

    private final QueueRepository queues;
    private final AudioFiles audio;
    private final Clock clock;

    InboundQueues(QueueRepository queues, AudioFiles audio, Clock clock) {
        this.queues = queues;
        this.audio = audio;
        this.clock = clock;
    }

    @Transactional
    public InboundQueue create(long businessId, QueueDraft draft) {
        InboundQueue valid = validate(businessId, draft, null);
        return get(businessId, queues.insert(businessId, valid, clock.instant()));
    }

    @Transactional
    public InboundQueue update(long businessId, long id, QueueDraft draft) {
        get(businessId, id);
        queues.update(businessId, id, validate(businessId, draft, id));
        return get(businessId, id);
    }

    @Transactional(readOnly = true)
    public InboundQueue get(long businessId, long id) {
        return queues.find(businessId, id).orElseThrow(() -> new NotFoundException("queue", id));
    }

    @Transactional(readOnly = true)
    public List<InboundQueue> list(long businessId) {
        return queues.list(businessId);
    }

    @Transactional
    public void delete(long businessId, long id) {
        get(businessId, id);
        queues.delete(businessId, id);
    }

    private InboundQueue validate(long businessId, QueueDraft draft, Long exceptId) {
        Violations violations = new Violations();
        String name = Names.check(draft.name(), violations);
        String key = draft.callbackKey() == null ? null : draft.callbackKey().strip();
        if (violations.check(key != null && !key.isEmpty(), "callbackKey", "validation.required")) {
            violations.check(CALLBACK_KEY.matcher(key).matches(), "callbackKey", "queue.callback-key.invalid");
        }
        int minSeconds = Objects.requireNonNullElse(draft.minSecondsBeforeCallback(), 0);
        int maxWait = Objects.requireNonNullElse(draft.maxWaitSeconds(), DEFAULT_MAX_WAIT_SECONDS);
        violations.check(minSeconds >= 0, "minSecondsBeforeCallback", "validation.range", 0, MAX_WAIT_SECONDS);
        if (violations.check(maxWait >= 1 && maxWait <= MAX_WAIT_SECONDS, "maxWaitSeconds", "validation.range", 1,
                MAX_WAIT_SECONDS)) {
            // A window that closes before it opens would refuse every request.
            violations.check(minSeconds < maxWait, "minSecondsBeforeCallback", "queue.min-before-max");
        }
        Long notification = draft.notificationAudioId();
        if (notification != null) {
            violations.check(audio.exists(businessId, notification), "notificationAudioId", "queue.audio.unknown",
                    notification);
        }
        violations.throwIfAny();
        if (queues.nameTaken(businessId, name, exceptId)) {
            throw new ConflictException("queue.name.taken", name);
        }
        return new InboundQueue(exceptId == null ? 0 : exceptId, name, key, minSeconds, maxWait, notification,
                Boolean.TRUE.equals(draft.ticketsForMissedCalls()));
    }
}
