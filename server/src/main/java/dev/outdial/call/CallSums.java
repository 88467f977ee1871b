package dev.outdial.call;

/**
 * The sums of one group's calls over a period: calls, contacts (SUCCESS), abandoned, connected
 * calls and their talk seconds, the hours in which any call was dialed (the business's local
 * clock hours, so that dials per hour leaves out the hours nobody dialed: nights, weekends, and
 * counts the hours a supervisor reads on their clock), and how long their customers were on hold
 * (within the talk time: a hold is put on by the agent the customer talks to). {@code key} is the
 * campaign or agent id of the group, 0 for an ungrouped total.
 */
public record CallSums(long key, long calls, long contacts, long abandoned, long connected, long talkSeconds,
                       long activeHours, long heldSeconds) {

    CallSums withHeldSeconds(long held) {
        return new CallSums(key, calls, contacts, abandoned, connected, talkSeconds, activeHours, held);
    }
}
