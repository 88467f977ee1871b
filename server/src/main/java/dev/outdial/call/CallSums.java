package dev.outdial.call;

/**
 * The sums of one group's calls over a period: calls, contacts (SUCCESS), abandoned, connected
 * calls and their talk seconds, and the hours in which any call was dialed (hours since the epoch,
 * so that dials per hour leaves out the hours nobody dialed: nights, weekends). {@code key} is the
 * campaign or agent id of the group, 0 for an ungrouped total.
 */
public record CallSums(long key, long calls, long contacts, long abandoned, long connected, long talkSeconds,
                       long activeHours) {
}
