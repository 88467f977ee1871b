/**
 * Campaigns: their settings per dial type, their lifecycle, and the settings objects they use
 * (hotlines, working hours, scripts, call classifications in {@code settings}). Other modules ask
 * {@link dev.outdial.campaign.Campaigns} and listen to
 * {@link dev.outdial.campaign.CampaignStatusChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Campaigns")
package dev.outdial.campaign;
