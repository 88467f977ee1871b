package dev.outdial.customer;

import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.customer.CampaignRules;
import dev.outdial.engine.customer.CustomerState;
import dev.outdial.engine.customer.CustomerStatus;
import dev.outdial.engine.customer.DialType;
import dev.outdial.engine.customer.ErrorRetryPolicy;
import java.time.Duration;

/**
 * What the progress chart counts a customer under (SPEC §6): its shown status, with an ERROR that
 * will still be retried told apart ({@link #ERROR_RETRY}, "Not Handled") from a final one
 * ("Handled"); and for the inner ring the classification if the last call reached the customer,
 * else the last technical result.
 *
 * @param status           a {@link CustomerStatus} name or {@link #ERROR_RETRY}
 * @param classificationId the agent's classification of a reached customer; {@link #NONE_ID} otherwise
 * @param lastResult       the last technical result, or {@link #NOT_CALLED}
 */
public record CountKey(String status, long classificationId, String lastResult) {

    public static final String ERROR_RETRY = "ERROR_RETRY";
    public static final String NOT_CALLED = "NONE";
    public static final long NONE_ID = 0;

    /**
     * Only the error retry limit matters here, and it is the same for every campaign
     * ({@link CampaignRules#ERROR_RETRY_LIMIT}), so the counters need no campaign settings.
     */
    private static final CampaignRules RETRY_LIMIT = CampaignRules.of(DialType.PROGRESSIVE, 1, Duration.ZERO, 0);

    public static CountKey of(CustomerState state, Long classificationId) {
        CustomerStatus shown = state.status();
        String status = shown == CustomerStatus.ERROR && ErrorRetryPolicy.willRetry(state, RETRY_LIMIT)
                ? ERROR_RETRY : shown.name();
        boolean reached = isReached(state);
        return new CountKey(status, reached && classificationId != null ? classificationId : NONE_ID,
                state.lastResult().map(Enum::name).orElse(NOT_CALLED));
    }

    /** A customer just added: never called, so only its status counts. */
    public static CountKey added(CustomerStatus status) {
        return new CountKey(status.name(), NONE_ID, NOT_CALLED);
    }

    /** Whether the last call reached the customer, so that its classification is what the chart shows. */
    public static boolean isReached(CustomerState state) {
        return state.lastResult().map(result -> result.category() == CallResult.Category.REACHED).orElse(false);
    }

    public boolean reached() {
        return !NOT_CALLED.equals(lastResult) && CallResult.valueOf(lastResult).category() == CallResult.Category.REACHED;
    }

    /** The status the customer list shows, where a retried error is an ERROR like any other. */
    public CustomerStatus shownStatus() {
        return ERROR_RETRY.equals(status) ? CustomerStatus.ERROR : CustomerStatus.valueOf(status);
    }
}
