package dev.outdial.engine.customer;

/**
 * How a campaign (or a single customer of it, SPEC §4.3 "per-customer dialing mode") is dialed
 * (SPEC §5). The server stores and shows these names as they are.
 */
public enum DialType {
    /** The agent asks for the next customer and clicks to call. */
    MANUAL,
    /** The system shows a customer to an agent for the preview time, then dials. */
    PREVIEW,
    /** One call for each available agent out of wrap-up. */
    PROGRESSIVE,
    /** More calls than free agents, paced to keep the abandon rate under the campaign's maximum. */
    PREDICTIVE,
    /** No agents needed: the system dials and plays an IVR. */
    AUTOCALL,
    /** Inbound callers who asked to be called back; an agent is called first, then the customer. */
    AUTO_CALLBACK;

    /**
     * Whether the system places the calls. "The gap between attempts applies to system-dialed
     * modes. In manual mode the agent may redial at once while attempts remain."
     */
    public boolean isSystemDialed() {
        return this != MANUAL;
    }

    /** Whether agents take this campaign's calls (quotas, account managers and scripts mean something). */
    public boolean usesAgents() {
        return this != AUTOCALL;
    }
}
