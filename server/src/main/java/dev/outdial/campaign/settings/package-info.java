/**
 * The business's campaign settings objects (SPEC §2): hotlines and their groups, working-hours
 * schedules, scripts and call classifications. Campaigns name them; the services here are the
 * only way in, and they refuse to delete what a {@link dev.outdial.campaign.settings.SettingUsage}
 * says is in use.
 */
@org.springframework.modulith.NamedInterface("settings")
package dev.outdial.campaign.settings;
