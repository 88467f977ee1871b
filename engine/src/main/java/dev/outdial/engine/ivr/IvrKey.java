package dev.outdial.engine.ivr;

/**
 * A key's action. {@code target} is the node GOTO goes to (and where SET_RESULT continues, if
 * given); {@code result} is the code of one of the business's call classifications, for SET_RESULT.
 */
public record IvrKey(IvrAction action, String target, String result) {
}
