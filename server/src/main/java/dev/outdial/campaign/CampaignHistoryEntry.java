package dev.outdial.campaign;

import java.time.Instant;

/** One step of a campaign's lifecycle: who (null: the system), when, what, from which status to which. */
public record CampaignHistoryEntry(Instant at, Long actorId, String actorName, CampaignAction action,
                                   CampaignStatus from, CampaignStatus to) {
}
