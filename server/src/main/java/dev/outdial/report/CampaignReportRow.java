package dev.outdial.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.outdial.campaign.CampaignStatus;
import dev.outdial.engine.customer.DialType;

/** One campaign's line of the campaign report. */
public record CampaignReportRow(long campaignId, String campaignName, DialType dialMode, CampaignStatus status,
                                @JsonUnwrapped CallFigures figures) {
}
