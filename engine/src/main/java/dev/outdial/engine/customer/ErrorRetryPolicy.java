package dev.outdial.engine.customer;

/**
 * "Errors caused by the business's side (hotline, network, agent connection) do not consume the
 * customer's attempts; such customers are retried after the fresh data is exhausted, at most 3
 * times, then stay ERROR. A number the network reports as invalid is ERROR at once and not
 * retried."
 *
 * <p>The progress report needs the same answer: its "Handled" bucket holds "ERROR that will not
 * be retried".
 */
public final class ErrorRetryPolicy {

    private ErrorRetryPolicy() {
    }

    /**
     * Whether a customer in ERROR will be called again. The first business-side error leaves
     * {@code limit} retries; each further one uses one, so the customer stays ERROR once
     * {@code businessErrors} exceeds the limit.
     */
    public static boolean willRetry(CustomerState customer, CampaignRules rules) {
        return customer.progress() == CustomerStatus.ERROR
                && customer.lastResult().map(CallResult::isBusinessSideError).orElse(false)
                && customer.businessErrors() <= rules.errorRetryLimit();
    }
}
