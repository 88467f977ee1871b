package dev.outdial.webhook;

import java.util.Set;

/** What an admin types to register or change a webhook; {@code null} keeps a value on a change. */
public record WebhookDraft(String url, Set<WebhookEvent> events, Boolean enabled) {
}
