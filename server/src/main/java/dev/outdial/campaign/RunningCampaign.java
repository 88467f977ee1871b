package dev.outdial.campaign;

import dev.outdial.engine.customer.DialType;

/** A campaign that is RUNNING, as the jobs that keep every node's dialing in step see it. */
public record RunningCampaign(long businessId, long campaignId, DialType dialMode) {
}
