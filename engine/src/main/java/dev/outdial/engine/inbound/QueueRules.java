package dev.outdial.engine.inbound;

import dev.outdial.engine.port.Telephony;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An inbound queue's Auto Callback settings as the engine applies them: "from the 20th second to
 * the 60th second, if a customer presses the key, the system will record the request, play the
 * callback request notification to the customer, and then end the call"; any other key leaves the
 * caller in the queue.
 *
 * @param minBeforeCallback counted from when the call enters the queue
 * @param maxWait           how long a caller waits for an agent before the call is missed
 * @param notification      what plays after an accepted request, if the queue has a file
 * @param waitingMusic      what a caller hears while they wait, over and over, if the queue has a file
 * @param recordsCalls      whether a call is recorded from the moment an agent takes the caller to its end
 */
public record QueueRules(long queueId, String callbackKey, Duration minBeforeCallback, Duration maxWait,
                         boolean ticketsForMissedCalls, Optional<Telephony.Prompt> notification,
                         Optional<Telephony.Prompt> waitingMusic, boolean recordsCalls) {

    public QueueRules {
        Objects.requireNonNull(callbackKey, "callbackKey");
        Objects.requireNonNull(minBeforeCallback, "minBeforeCallback");
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(notification, "notification");
        Objects.requireNonNull(waitingMusic, "waitingMusic");
        if (minBeforeCallback.isNegative() || minBeforeCallback.compareTo(maxWait) >= 0) {
            throw new IllegalArgumentException("the callback window must open before the maximum wait");
        }
    }

    /** What {@code key}, pressed {@code inQueue} after the caller entered, does. */
    public KeyVerdict judge(String key, Duration inQueue) {
        if (!callbackKey.equals(key)) {
            return KeyVerdict.STAYS_IN_QUEUE;
        }
        if (inQueue.compareTo(minBeforeCallback) < 0) {
            return KeyVerdict.TOO_EARLY;
        }
        return inQueue.compareTo(maxWait) > 0 ? KeyVerdict.TOO_LATE : KeyVerdict.CALLBACK_REQUESTED;
    }

    /**
     * The ticket the call leaves: a callback request always (the trigger needs it), a missed call
     * only where the queue keeps them, an answered call none.
     */
    public Optional<FollowUp> followUp(InboundResult result) {
        if (result == InboundResult.CALLBACK_REQUESTED) {
            return Optional.of(FollowUp.CALLBACK);
        }
        return result.isMissed() && ticketsForMissedCalls ? Optional.of(FollowUp.MISSED_CALL) : Optional.empty();
    }
}
