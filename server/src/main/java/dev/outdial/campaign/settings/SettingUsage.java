package dev.outdial.campaign.settings;

/**
 * Asked before a settings object is deleted. Campaigns implement it (a hotline is in use while a
 * running campaign dials with it; a schedule, script or classification while a campaign that has
 * not ended names it), so this package never reads the campaigns' tables.
 */
public interface SettingUsage {

    boolean inUse(long businessId, SettingKind kind, long id);
}
