package dev.outdial.customer;

/**
 * Customers of a campaign were added, or one changed in a way that may make it eligible (started
 * again, taken off a list): the dialer looks again at once instead of waiting for its next round.
 */
public record CampaignCustomersChanged(long businessId, long campaignId) {
}
