package dev.outdial.campaign.settings;

/**
 * Published when a hotline of the business is added, edited (its number, group or enabled state) or
 * deleted, so the running campaigns that call from it, its group or the whole business follow.
 */
public record HotlinesChanged(long businessId) {
}
