package dev.outdial.engine.pacing;

/** "The UI shows why it is not dialing" (SPEC §4.2): the first reason the last pacing round found. */
public enum NotDialing {
    CAMPAIGN_NOT_RUNNING,
    NOT_STARTED_YET,
    ENDED,
    OUTSIDE_WORKING_HOURS,
    NO_AGENTS_AVAILABLE,
    CONCURRENCY_LIMIT_REACHED,
    NO_ELIGIBLE_CUSTOMERS,
    /**
     * The campaign has no hotline to dial from: every one it names is disabled (or its group or the
     * business has none enabled), or, for autocall, every one failed lately and is skipped for a while.
     */
    NO_HOTLINE_AVAILABLE
}
