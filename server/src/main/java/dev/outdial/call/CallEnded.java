package dev.outdial.call;

import java.time.Instant;

/**
 * A call ended, published once per call (the first time its record is saved ended); reports and
 * webhooks follow it. {@code agentId} is null when no agent took part; {@code classification} is
 * the call's classification id when it is known at the end (an autocall IVR's result), null when an
 * agent gives it later. {@code ringSeconds} runs from ringing to the answer (or the end, unanswered),
 * {@code talkSeconds} from the agent's connection to the end, as reports count it; {@code answeredAt}
 * and {@code connectedAt} (to an agent) are null when the call was not; {@code howEnded} (a {@code CallEnd}) says who
 * ended an answered call, null for one never answered (and for an end stored before it was kept).
 */
public record CallEnded(long businessId, long campaignId, String callId, long customerId, String number,
                        Long agentId, String result, Instant endedAt, Long classification, long ringSeconds,
                        long talkSeconds, Instant answeredAt, Instant connectedAt, String howEnded) {
}
