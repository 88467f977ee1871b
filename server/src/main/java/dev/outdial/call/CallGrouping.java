package dev.outdial.call;

/**
 * How a period's calls are summed: per campaign, per agent (calls an agent took), or not at all —
 * every call, or every call an agent took.
 */
public enum CallGrouping {
    CAMPAIGN, AGENT, ALL, ALL_AGENTS;

    /** Whether only calls an agent took count. */
    public boolean agentsOnly() {
        return this == AGENT || this == ALL_AGENTS;
    }
}
