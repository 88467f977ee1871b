package dev.outdial.dialing;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.outdial.engine.customer.DialType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A campaign's forecast (issue 6) as the API and the campaign's page show it: when its remaining
 * customers are done at this many agents, how many contacts an hour, the abandon rate (predictive),
 * and which rates it was worked out from.
 *
 * @param estimatedCompletion when the dialing time needed has passed inside the campaign's working
 *                            hours; absent when that is after the campaign's end
 * @param completesBeforeEnd  whether the work fits before the campaign's end time
 * @param dialingHours        hours of dialing the remaining customers need
 * @param contactsPerHour     calls reaching an agent per dialing hour
 * @param abandonRate         predictive only: abandoned ÷ answered by a person
 * @param simulatedAgents     agents in the simulation (a large campaign is simulated in part and scaled back)
 * @param simulatedCustomers  customers in the simulation
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CampaignForecastView(
        long campaignId,
        @Schema(implementation = DialType.class) String dialMode,
        int agents,
        long remainingCustomers,
        Instant estimatedCompletion,
        boolean completesBeforeEnd,
        double dialingHours,
        double contactsPerHour,
        Double abandonRate,
        List<Rate> rates,
        int simulatedAgents,
        int simulatedCustomers,
        Instant computedAt) {

    /** Where a rate came from. */
    public enum Source { OBSERVED, DEFAULT, SETTING }

    /**
     * One rate the simulation used: {@code answerRate} and {@code busyRate} as shares of dials,
     * {@code ringSeconds}, {@code talkSeconds} and {@code wrapUpSeconds} in seconds.
     *
     * @param sample the calls it was observed on (0 for a default or a setting)
     */
    public record Rate(String name, double value, Source source, long sample) {
    }
}
