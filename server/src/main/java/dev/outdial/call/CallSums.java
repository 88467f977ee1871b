package dev.outdial.call;

/**
 * The sums of one group's calls over a period: calls, contacts (SUCCESS), abandoned, connected
 * calls and their talk seconds, the hours in which any call was dialed (the business's local
 * clock hours, so that dials per hour leaves out the hours nobody dialed: nights, weekends, and
 * counts the hours a supervisor reads on their clock), and how long their customers were on hold
 * (within the talk time: a hold is put on by the agent the customer talks to), and how the customer's and
 * the agent's audio reached Outdial on the calls measured, and on how many calls the network lost either's line.
 * {@code key} is the campaign or agent id of the group, 0 for an ungrouped total.
 */
public record CallSums(long key, long calls, long contacts, long abandoned, long connected, long talkSeconds,
                       long activeHours, long heldSeconds, LineQuality customerLine, LineQuality agentLine) {

    /** The sums of the call records alone, before their hold time and line quality are added. */
    public CallSums(long key, long calls, long contacts, long abandoned, long connected, long talkSeconds,
                    long activeHours, long customerLinesLost, long agentLinesLost) {
        this(key, calls, contacts, abandoned, connected, talkSeconds, activeHours, 0,
                LineQuality.none().withLinesLost(customerLinesLost), LineQuality.none().withLinesLost(agentLinesLost));
    }

    /** These sums with their hold time and each side's measured line quality, the lines lost kept. */
    CallSums with(long held, LineQuality customer, LineQuality agent) {
        return new CallSums(key, calls, contacts, abandoned, connected, talkSeconds, activeHours, held,
                customer.withLinesLost(customerLine.linesLost()), agent.withLinesLost(agentLine.linesLost()));
    }
}
