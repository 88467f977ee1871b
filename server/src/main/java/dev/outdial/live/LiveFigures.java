package dev.outdial.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.outdial.campaign.CampaignStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * What a live dashboard shows at {@code at}, for one campaign ({@code campaignId} set) or for the
 * whole business ({@code campaigns} lists its running and paused campaigns). Rates are fractions
 * (0.03 is 3 %), null when nothing has been answered yet. {@code customers} counts the campaign's (or
 * the active campaigns') customers; {@code attemptsPerCustomer} is their ended calls ÷ that.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LiveFigures(
        Long campaignId,
        String campaignName,
        @Schema(implementation = CampaignStatus.class) String status,
        Instant at,
        Calls calls,
        Agents agents,
        AbandonRates abandonRate,
        Period lastHour,
        Period today,
        long customers,
        Double attemptsPerCustomer,
        Completion completion,
        List<LiveFigures> campaigns) {

    /** The same figures without their time: what tells whether anything changed. */
    public LiveFigures withoutTime() {
        return new LiveFigures(campaignId, campaignName, status, null, calls, agents, abandonRate, lastHour, today,
                customers, attemptsPerCustomer, withoutTimes(completion),
                campaigns == null ? null : campaigns.stream().map(LiveFigures::withoutTime).toList());
    }

    /** An estimate moves with the clock while the pace holds: only its state and what is left count as a change. */
    private static Completion withoutTimes(Completion completion) {
        return new Completion(completion.state(), completion.remaining(), null, null);
    }

    /** Calls now, by phase. */
    public record Calls(int dialing, int ringing, int waitingForAgent, int talking) {

        @JsonProperty("total")
        public int total() {
            return dialing + ringing + waitingForAgent + talking;
        }
    }

    /** Agents now, by state. */
    public record Agents(int available, int onCall, int wrapUp, int notAvailable) {

        @JsonProperty("total")
        public int total() {
            return available + onCall + wrapUp + notAvailable;
        }
    }

    /** Today's (business time zone) and, for a campaign, since it began. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AbandonRates(Double today, Double campaign) {
    }

    /** Calls of a period: over the last hour these are per hour. */
    public record Period(long dials, long contacts, long abandoned) {
    }

    /**
     * Customers still to be handled and when they will be at the recent pace: {@code state} is
     * {@code DONE} (none left), {@code ESTIMATED}, or {@code UNKNOWN} (no pace measured yet).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Completion(@Schema(allowableValues = {"DONE", "ESTIMATED", "UNKNOWN"}) String state, long remaining, Double handledPerHour, Instant estimatedAt) {
    }
}
