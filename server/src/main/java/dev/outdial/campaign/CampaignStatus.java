package dev.outdial.campaign;

import java.util.List;

/** The lifecycle of a campaign (SPEC §4.2); ENDED is final. */
public enum CampaignStatus {
    UNAPPROVED,
    APPROVED,
    RUNNING,
    PAUSED,
    ENDED;

    /** Campaigns that may still dial: the settings objects they name must stay. */
    public static List<CampaignStatus> notEnded() {
        return List.of(UNAPPROVED, APPROVED, RUNNING, PAUSED);
    }

    public boolean isLive() {
        return this == RUNNING || this == PAUSED;
    }
}
