package dev.outdial.dialing;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.outdial.campaign.CampaignStatus;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Whether a campaign dials now and, if not, why (SPEC §4.2 "the UI shows why it is not dialing"):
 * {@code reason} is one of the engine's {@code NotDialing} names (CAMPAIGN_NOT_RUNNING,
 * NOT_STARTED_YET, ENDED, OUTSIDE_WORKING_HOURS, NO_AGENTS_AVAILABLE, CONCURRENCY_LIMIT_REACHED,
 * NO_ELIGIBLE_CUSTOMERS), or PACED_ELSEWHERE on a node that does not pace the campaign's business;
 * null while it dials; {@code message} says it in the reader's language.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DialingState(long campaignId, @Schema(implementation = CampaignStatus.class) String status, boolean dialing, String reason, String message) {
}
