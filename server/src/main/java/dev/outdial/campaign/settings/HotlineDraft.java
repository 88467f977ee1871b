package dev.outdial.campaign.settings;

/**
 * What an admin types for a hotline. {@code group} is a group's name, created on first use; on a
 * change a {@code null} field keeps its value and a blank group takes the hotline out of its group.
 */
public record HotlineDraft(String number, String name, String group, Boolean enabled) {
}
