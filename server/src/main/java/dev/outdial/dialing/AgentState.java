package dev.outdial.dialing;

/** What an agent is doing now, as a supervisor's live view counts them (SPEC §6). */
public enum AgentState {
    /** Available with the campaign's screen open, holding no customer, out of wrap-up. */
    AVAILABLE,
    /** Holding a customer: offered, being dialed, talking, or the call's disposition still to give. */
    ON_CALL,
    /** In the wrap-up time after a call. */
    WRAP_UP,
    /** Not available, or (for a campaign) without its screen open or busy in another campaign. */
    NOT_AVAILABLE
}
