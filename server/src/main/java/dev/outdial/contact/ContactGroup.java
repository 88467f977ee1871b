package dev.outdial.contact;

import java.time.Instant;

/** A customer group: a named set of contacts (SPEC §3), added to a campaign as a whole. */
public record ContactGroup(long id, String name, long memberCount, Instant createdAt) {
}
