package dev.outdial.call;

import java.time.Instant;

/**
 * A call's recording was kept ({@link CallRecordings#keep}), published in the transaction that kept it: a campaign's
 * call ({@code campaignId}) or a queue call ({@code queueId}), the other null.
 */
public record CallRecorded(long businessId, Long campaignId, Long queueId, String callId, long lengthMillis,
                           long sizeBytes, Instant recordedAt) {
}
