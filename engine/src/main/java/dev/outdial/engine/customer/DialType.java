package dev.outdial.engine.customer;

/** How a campaign (or a single customer of it, SPEC §4.3 "per-customer dialing mode") is dialed. */
public enum DialType {
    MANUAL, PREVIEW, PROGRESSIVE, PREDICTIVE, AUTOCALL, AUTO_CALLBACK;

    /**
     * Whether the system places the calls. "The gap between attempts applies to system-dialed
     * modes. In manual mode the agent may redial at once while attempts remain."
     */
    public boolean isSystemDialed() {
        return this != MANUAL;
    }
}
