package dev.outdial.call;

import java.time.Instant;

/** A call's recording was kept ({@link CallRecordings#keep}), published in the transaction that kept it. */
public record CallRecorded(long businessId, long campaignId, String callId, long lengthMillis, long sizeBytes,
                           Instant recordedAt) {
}
