package dev.outdial.engine.customer;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of a campaign that decide a customer's next status and time (SPEC §4.1, §4.3).
 *
 * @param dialType            who dials; the gap applies only when the system does
 * @param maxCallsPerCustomer unanswered attempts allowed in one contact cycle, at least 1
 * @param retryGap            the gap between two calls to the same customer (system-dialed modes)
 * @param noCallbackDays      how long "do not call back" suppresses a customer; 0 means never again
 * @param callbackOwnerGrace  how long a due callback waits for its owner before any agent may take it
 * @param errorRetryLimit     how often a customer is retried after business-side errors
 */
public record CampaignRules(
        DialType dialType,
        int maxCallsPerCustomer,
        Duration retryGap,
        int noCallbackDays,
        Duration callbackOwnerGrace,
        int errorRetryLimit) {

    /** "If that agent is not logged in to the campaign within 15 minutes of the appointment…" */
    public static final Duration CALLBACK_OWNER_GRACE = Duration.ofMinutes(15);

    /** Business-side errors are retried "at most 3 times, then stay ERROR". */
    public static final int ERROR_RETRY_LIMIT = 3;

    public CampaignRules {
        Objects.requireNonNull(dialType, "dialType");
        Objects.requireNonNull(retryGap, "retryGap");
        Objects.requireNonNull(callbackOwnerGrace, "callbackOwnerGrace");
        requireThat(maxCallsPerCustomer >= 1, "maxCallsPerCustomer must be at least 1, was " + maxCallsPerCustomer);
        requireThat(!retryGap.isNegative(), "retryGap must not be negative, was " + retryGap);
        requireThat(noCallbackDays >= 0, "noCallbackDays must not be negative, was " + noCallbackDays);
        requireThat(!callbackOwnerGrace.isNegative(), "callbackOwnerGrace must not be negative, was " + callbackOwnerGrace);
        requireThat(errorRetryLimit >= 0, "errorRetryLimit must not be negative, was " + errorRetryLimit);
    }

    /** The campaign's own settings, with the product's fixed callback grace and error retry limit. */
    public static CampaignRules of(DialType dialType, int maxCallsPerCustomer, Duration retryGap, int noCallbackDays) {
        return new CampaignRules(dialType, maxCallsPerCustomer, retryGap, noCallbackDays,
                CALLBACK_OWNER_GRACE, ERROR_RETRY_LIMIT);
    }

    /** The same campaign for a customer who carries another dialing mode (SPEC §4.3). */
    public CampaignRules withDialType(DialType customerDialType) {
        return new CampaignRules(customerDialType, maxCallsPerCustomer, retryGap, noCallbackDays,
                callbackOwnerGrace, errorRetryLimit);
    }

    /** How long after a failed attempt the customer may be called again. */
    public Duration redialDelay() {
        // "The gap between attempts applies to system-dialed modes. In manual mode the agent may
        // redial at once while attempts remain."
        return dialType.isSystemDialed() ? retryGap : Duration.ZERO;
    }

    /** The no-callback period, or empty when "do not call back" means never again (0 days). */
    public Optional<Duration> noCallbackPeriod() {
        return noCallbackDays == 0 ? Optional.empty() : Optional.of(Duration.ofDays(noCallbackDays));
    }

    private static void requireThat(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
