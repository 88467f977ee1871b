package dev.outdial.campaign.settings;

/**
 * A classification as typed. Without a code one is made from the name; on a change a {@code null}
 * field keeps its value.
 */
public record CallClassificationDraft(String name, Boolean reached, String code) {
}
