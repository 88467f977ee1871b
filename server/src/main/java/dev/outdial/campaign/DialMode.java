package dev.outdial.campaign;

/** How a campaign reaches its customers (SPEC §5). */
public enum DialMode {
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

    /** Whether agents take this campaign's calls (quotas, account managers and scripts mean something). */
    public boolean usesAgents() {
        return this != AUTOCALL;
    }
}
