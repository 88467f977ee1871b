package dev.outdial.compliance;

/** The two lists of numbers a business never calls (SPEC §2). */
public enum BlockKind {
    /** "Blocked from calling out": the business's own list, managed by its admins. */
    BLACKLIST,
    /** Registered with the network operator's Do-Not-Call service, imported from the operator's files. */
    DNC
}
