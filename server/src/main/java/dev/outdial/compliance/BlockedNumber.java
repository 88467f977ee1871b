package dev.outdial.compliance;

import java.time.Instant;

/** A number on one of the lists, in E.164; only blacklist entries carry a reason. */
public record BlockedNumber(long id, String number, String reason, Instant createdAt) {
}
