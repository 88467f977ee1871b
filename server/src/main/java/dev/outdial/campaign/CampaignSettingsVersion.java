package dev.outdial.campaign;

import dev.outdial.engine.customer.DialType;
import java.time.Instant;

/**
 * The settings a campaign's calls are judged by (issue 18), as saved at {@code inForceFrom} and in
 * force until the next save: the audit reads a call placed last week by last week's rules.
 *
 * @param dialMode the campaign's dial type: the gap applies only when the system dials
 */
public record CampaignSettingsVersion(Instant inForceFrom, DialType dialMode, int maxCallsPerCustomer,
                                      int retryGapMinutes, Instant startTime, Instant endTime, long workingHoursId) {
}
