package dev.outdial.inbound;

import dev.outdial.engine.inbound.InboundCall;
import dev.outdial.engine.inbound.QueueRules;
import dev.outdial.engine.port.Telephony;
import dev.outdial.inbound.internal.InboundCallRepository;
import dev.outdial.inbound.internal.QueueRepository;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Calls into the business's queues: the queue's rules as the engine applies them, and the record of each call. */
@Service
public class InboundCalls {

    /** A queue's list shows this many calls, newest first. */
    public static final int LIST_LIMIT = 500;
    private static final Pattern NOT_DIGITS = Pattern.compile("\\D");
    /** E.164 allows at most 15 digits after the "+". */
    private static final int MAX_DIGITS = 15;

    private final InboundCallRepository calls;
    private final InboundQueues queues;
    private final QueueRepository numbers;

    InboundCalls(InboundCallRepository calls, InboundQueues queues, QueueRepository numbers) {
        this.calls = calls;
        this.queues = queues;
        this.numbers = numbers;
    }

    /**
     * The business and queue a call to {@code dialedNumber} enters, for the SIP side on every incoming
     * call: one read of the number's index. Takes the user part of the Request-URI as carriers send it,
     * {@code +84912345678} or {@code 84912345678}, with or without visual separators or a leading
     * {@code 00}, and matches its digits against the stored E.164 numbers; empty for any other number.
     * A national form ({@code 0912345678}) is not matched: which country it belongs to is not known
     * before the business is.
     */
    @Transactional(readOnly = true)
    public Optional<QueueRoute> routeOf(String dialedNumber) {
        if (dialedNumber == null) {
            return Optional.empty();
        }
        String digits = NOT_DIGITS.matcher(dialedNumber).replaceAll("");
        if (!dialedNumber.strip().startsWith("+") && digits.startsWith("00")) {
            digits = digits.substring(2);
        }
        if (digits.isEmpty() || digits.length() > MAX_DIGITS) {
            return Optional.empty();
        }
        return numbers.route("+" + digits);
    }

    /** The businesses the trunk brings calls for, a queue of theirs having a number; read at every pacer heartbeat. */
    @Transactional(readOnly = true)
    public Set<Long> businessesTakingCalls() {
        return numbers.businessesWithNumbers();
    }

    /** The queue's Auto Callback settings for the engine; 404 for another business's queue. */
    @Transactional(readOnly = true)
    public QueueRules rulesOf(long businessId, long queueId) {
        InboundQueue queue = queues.get(businessId, queueId);
        return new QueueRules(queue.id(), queue.callbackKey(), Duration.ofSeconds(queue.minSecondsBeforeCallback()),
                Duration.ofSeconds(queue.maxWaitSeconds()), queue.ticketsForMissedCalls(),
                prompt(queue.notificationAudioId()), prompt(queue.waitingMusicAudioId()), queue.recordCalls());
    }

    /** The business's audio file as the telephony adapter fetches it; empty when the queue has none. */
    private static Optional<Telephony.Prompt> prompt(Long audioId) {
        return Optional.ofNullable(audioId)
                .map(audio -> new Telephony.Prompt.AudioFile("/api/v1/audio/" + audio + "/content"));
    }

    @Transactional
    public void save(InboundCall call) {
        calls.save(call);
    }

    /** The business whose queue call {@code callId} is, for what the SIP side tells of it; empty where none is. */
    @Transactional(readOnly = true)
    public Optional<Long> businessOf(String callId) {
        return calls.businessOf(callId);
    }

    /** The business's queue call {@code callId}, as the queue's list shows it; empty where it has none such. */
    @Transactional(readOnly = true)
    public Optional<InboundCallView> find(long businessId, String callId) {
        return calls.find(businessId, callId);
    }

    /** The queue's calls, newest first; 404 for another business's queue. */
    @Transactional(readOnly = true)
    public List<InboundCallView> ofQueue(long businessId, long queueId) {
        queues.get(businessId, queueId);
        return calls.ofQueue(businessId, queueId, LIST_LIMIT);
    }
}
