package dev.outdial.engine.customer;

/**
 * "Maximum calls counts unanswered attempts in one contact cycle; a callback appointment starts a
 * new cycle." The one place that decides whether a customer may be called again; the state
 * machine, eligibility and the dial compliance check all ask it.
 *
 * <p>It lives beside the state machine rather than in {@code rules} because the state machine
 * needs it to decide {@link CustomerStatus#MAX_ATTEMPTS}, and {@code rules} builds on
 * {@code customer}, not the other way round.
 */
public final class MaxCallsPolicy {

    private MaxCallsPolicy() {
    }

    /** Whether another call to the customer stays within the campaign's maximum calls. */
    public static boolean allowsAnotherCall(CustomerState customer, CampaignRules rules) {
        return customer.cycleAttempts() < rules.maxCallsPerCustomer();
    }
}
