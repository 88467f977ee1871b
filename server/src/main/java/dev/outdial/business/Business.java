package dev.outdial.business;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A business (tenant): its time zone is the default for schedules and quotas' days, its default
 * country completes phone numbers typed without a country code, and its concurrent-call limit is
 * the contract's ceiling over all its campaigns and manual calls together.
 */
public record Business(long id, String name, ZoneId timeZone, String defaultCountry, int concurrentCallLimit,
                       Instant createdAt) {
}
