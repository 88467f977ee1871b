package dev.outdial.campaign.settings;

/**
 * Published when a working-hours schedule is saved (its hours or holidays may have changed), so the
 * running campaigns that use it follow.
 */
public record WorkingHoursChanged(long businessId, long workingHoursId) {
}
