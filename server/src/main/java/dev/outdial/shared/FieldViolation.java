package dev.outdial.shared;

/**
 * One field's reason for rejecting a request. The message is a key of the message bundles, so the
 * API and the pages say it in the user's language.
 */
public record FieldViolation(String field, String messageKey, Object... args) {
}
