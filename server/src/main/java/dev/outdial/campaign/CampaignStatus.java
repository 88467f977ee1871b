package dev.outdial.campaign;

/** The lifecycle of a campaign (SPEC §4.2); ENDED is final. */
public enum CampaignStatus {
    UNAPPROVED,
    APPROVED,
    RUNNING,
    PAUSED,
    ENDED;

    public boolean isLive() {
        return this == RUNNING || this == PAUSED;
    }
}
