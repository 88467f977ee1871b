package dev.outdial.campaign;

import java.util.EnumSet;
import java.util.Set;

/**
 * What moves a campaign through its lifecycle (SPEC §4.2). A person's action is refused with 409
 * when the campaign is not in a status it starts from; the system's actions are the lifecycle
 * clock's (start time arrived, end time passed) and an edit that needs approval again.
 */
public enum CampaignAction {
    APPROVE(CampaignStatus.APPROVED, CampaignStatus.UNAPPROVED),
    START(CampaignStatus.RUNNING, CampaignStatus.APPROVED),
    PAUSE(CampaignStatus.PAUSED, CampaignStatus.RUNNING),
    RESUME(CampaignStatus.RUNNING, CampaignStatus.PAUSED),
    STOP(CampaignStatus.ENDED, CampaignStatus.APPROVED, CampaignStatus.RUNNING, CampaignStatus.PAUSED),
    CREATE(CampaignStatus.UNAPPROVED),
    EDIT_NEEDS_APPROVAL(CampaignStatus.UNAPPROVED, CampaignStatus.APPROVED, CampaignStatus.RUNNING,
            CampaignStatus.PAUSED),
    START_TIME_ARRIVED(CampaignStatus.RUNNING, CampaignStatus.APPROVED),
    END_TIME_PASSED(CampaignStatus.ENDED, CampaignStatus.APPROVED, CampaignStatus.RUNNING, CampaignStatus.PAUSED),
    /** The system's pause when no customer is or will become eligible (SPEC §4.2: reason "list exhausted"). */
    LIST_EXHAUSTED(CampaignStatus.PAUSED, CampaignStatus.RUNNING);

    private final CampaignStatus to;
    private final Set<CampaignStatus> from;

    CampaignAction(CampaignStatus to, CampaignStatus... from) {
        this.to = to;
        this.from = from.length == 0 ? EnumSet.noneOf(CampaignStatus.class) : EnumSet.of(from[0], from);
    }

    public CampaignStatus to() {
        return to;
    }

    public boolean allowedFrom(CampaignStatus status) {
        return from.contains(status);
    }
}
