package dev.outdial.dialing;

import java.time.Instant;

/**
 * A call ended, published once per call (the first time its record is saved ended); reports and
 * webhooks follow it. {@code agentId} is null when no agent took part.
 */
public record CallEnded(long businessId, long campaignId, String callId, long customerId, String number,
                        Long agentId, String result, Instant endedAt) {
}
