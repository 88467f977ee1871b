package dev.outdial.campaign.settings;

/**
 * How a call ended, in the business's words (SPEC §4.4). {@code reached} tells an agent's
 * classification of a conversation (Interested, Wrong person) from a not-reached technical result
 * (No answer, Busy); {@code code} is the stable name integrations and the result mapping use.
 * Built-in ones come with every business: they may be renamed, not removed or redefined.
 */
public record CallClassification(long id, String name, boolean reached, String code, boolean builtIn) {
}
