package dev.outdial.campaign;

/** Which hotline an autocall campaign calls from: the one chosen, any of a group, or any of the business. */
public enum HotlineRotation {
    SINGLE,
    RANDOM_GROUP,
    ALL
}
