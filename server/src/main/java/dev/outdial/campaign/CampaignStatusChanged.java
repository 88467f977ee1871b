package dev.outdial.campaign;

/**
 * A campaign moved in its lifecycle. The dialer starts and stops work on it, and reports and
 * webhooks follow it. {@code actorId} is null when the system moved it (its start or end time).
 */
public record CampaignStatusChanged(long businessId, long campaignId, CampaignStatus from, CampaignStatus to,
                                    CampaignAction action, Long actorId) {
}
