package dev.outdial.call;

/**
 * The sums of one group's calls over a period: calls, contacts (SUCCESS), abandoned, connected
 * calls and their talk seconds, and the hours in which any call was dialed (the business's local
 * clock hours, so that dials per hour leaves out the hours nobody dialed: nights, weekends, and
 * counts the hours a supervisor reads on their clock). {@code key} is the
 * campaign or agent id of the group, 0 for an ungrouped total.
 */
public record CallSums(long key, long calls, long contacts, long abandoned, long connected, long talkSeconds,
                       long activeHours) {
}
