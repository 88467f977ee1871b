package dev.outdial.campaign;

import dev.outdial.engine.customer.DialType;

/**
 * A campaign that is RUNNING, as the jobs that keep every node's dialing in step see it.
 *
 * @param workingHoursId its working-hours schedule, null for none (open all week)
 * @param hotlines       the hotlines it calls from
 */
public record RunningCampaign(long businessId, long campaignId, DialType dialMode, Long workingHoursId,
                              HotlinePool hotlines) {
}
