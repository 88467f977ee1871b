package dev.outdial.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Set;

/**
 * A URL of the business and the events it wants. The signing {@code secret} is shown once, when
 * the webhook is created; the receiver checks every delivery with it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Webhook(long id, String url, Set<WebhookEvent> events, boolean enabled, String secret,
                      Instant createdAt) {

    public Webhook withoutSecret() {
        return new Webhook(id, url, events, enabled, null, createdAt);
    }
}
