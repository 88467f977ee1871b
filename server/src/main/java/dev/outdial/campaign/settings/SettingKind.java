package dev.outdial.campaign.settings;

/** The kinds of settings objects a campaign can name. */
public enum SettingKind {
    HOTLINE,
    WORKING_HOURS,
    SCRIPT,
    CLASSIFICATION
}
