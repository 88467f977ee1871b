package dev.outdial.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One event sent (or being sent) to one webhook, with its outcome so far; {@code nextAttemptAt} only
 * while it is PENDING.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookDelivery(long id, String eventId, String eventType, Status status, int attempts,
                              Instant nextAttemptAt, Integer lastStatusCode, String lastError, Instant createdAt,
                              Instant deliveredAt) {

    public enum Status {
        /** Not delivered yet; tried again at {@code nextAttemptAt}. */
        PENDING,
        /** The receiver answered 2xx. */
        DELIVERED,
        /** Every attempt failed; no more are made. */
        FAILED
    }
}
