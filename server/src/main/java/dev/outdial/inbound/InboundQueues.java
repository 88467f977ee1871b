package dev.outdial.inbound;

import dev.outdial.business.Businesses;
import dev.outdial.inbound.internal.QueueRepository;
import dev.outdial.media.AudioFiles;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.Names;
import dev.outdial.shared.NotFoundException;
import dev.outdial.shared.PhoneNumbers;
import dev.outdial.shared.RecordingRetention;
import dev.outdial.shared.Violations;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
    /** A queue answers a handful of DIDs; the bound keeps the form and the list readable. */
    static final int MAX_NUMBERS = 20;
    /** Ten years: the longest any rule we know asks a recording be kept. */
    static final int MAX_RETENTION_DAYS = 3_650;

    private final QueueRepository queues;
    private final AudioFiles audio;
    private final Businesses businesses;
    private final Clock clock;

    InboundQueues(QueueRepository queues, AudioFiles audio, Businesses businesses, Clock clock) {
        this.queues = queues;
        this.audio = audio;
        this.businesses = businesses;
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

    /** Every queue, of every business, that keeps its recordings a number of days. */
    @Transactional(readOnly = true)
    public List<RecordingRetention> recordingRetention() {
        return queues.recordingRetention();
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
        Long music = draft.waitingMusicAudioId();
        if (music != null) {
            violations.check(audio.exists(businessId, music), "waitingMusicAudioId", "queue.music.unknown", music);
        }
        Integer retention = draft.recordingRetentionDays();
        if (retention != null) {
            violations.check(retention >= 1 && retention <= MAX_RETENTION_DAYS, "recordingRetentionDays",
                    "validation.range", 1, MAX_RETENTION_DAYS);
        }
        List<String> numbers = numbers(businessId, draft.numbers(), violations);
        violations.throwIfAny();
        if (queues.nameTaken(businessId, name, exceptId)) {
            throw new ConflictException("queue.name.taken", name);
        }
        // An incoming call carries only the number dialed, so a number routes to one queue of one
        // business. The answer names the number, never the business or queue that has it.
        List<String> taken = queues.numbersTaken(numbers, exceptId);
        if (!taken.isEmpty()) {
            throw new ConflictException("queue.number.taken", taken.getFirst());
        }
        return new InboundQueue(exceptId == null ? 0 : exceptId, name, key, minSeconds, maxWait, notification,
                music, Boolean.TRUE.equals(draft.ticketsForMissedCalls()), Boolean.TRUE.equals(draft.recordCalls()),
                retention, numbers);
    }

    /** The numbers in E.164, read in the business's default country, in the order given; each wrong one named by index. */
    private List<String> numbers(long businessId, List<String> typed, Violations violations) {
        if (typed == null || typed.isEmpty()) {
            return List.of();
        }
        if (!violations.check(typed.size() <= MAX_NUMBERS, "numbers", "queue.numbers.too-many", MAX_NUMBERS)) {
            return List.of();
        }
        String country = businesses.get(businessId).defaultCountry();
        Set<String> numbers = new LinkedHashSet<>();
        for (int i = 0; i < typed.size(); i++) {
            String field = "numbers[" + i + "]";
            String e164 = PhoneNumbers.toE164(typed.get(i), country, field, violations);
            if (e164 != null) {
                violations.check(numbers.add(e164), field, "queue.number.twice", typed.get(i).strip());
            }
        }
        return new ArrayList<>(numbers);
    }
}
