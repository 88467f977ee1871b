package dev.outdial.campaign.settings;

import java.time.Instant;

/**
 * A phone number of the business (E.164), its caller ID and trunk for outbound calls. Failures
 * reported by the provider are counted here so an admin sees which line is broken.
 */
public record Hotline(long id, String number, String name, String group, Long groupId, boolean enabled,
                      int failureCount, Instant lastFailureAt, String lastFailureReason, Instant createdAt) {
}
