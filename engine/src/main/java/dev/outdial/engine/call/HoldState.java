package dev.outdial.engine.call;

/**
 * Whether a call put through to its agent is on hold, and by what: the agent asked Outdial (the customer hears the
 * campaign's or queue's music), or the agent's own phone holds it with its Hold button (which only that phone can take
 * off). Either or both.
 *
 * @param byAgent held through Outdial (the Workspace or the API); the agent can take it off there
 * @param byPhone held by the agent's phone itself; taken off on the phone only
 */
public record HoldState(boolean byAgent, boolean byPhone) {

    public static final HoldState OFF = new HoldState(false, false);

    /** Whether the customer is on hold at all. */
    public boolean held() {
        return byAgent || byPhone;
    }

    public HoldState byAgent(boolean held) {
        return new HoldState(held, byPhone);
    }

    public HoldState byPhone(boolean held) {
        return new HoldState(byAgent, held);
    }
}
