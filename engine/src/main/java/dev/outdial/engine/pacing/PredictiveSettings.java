package dev.outdial.engine.pacing;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The settings only predictive campaigns have (SPEC §4.1): the maximum abandon ("missed") rate,
 * 0 &lt; r ≤ {@value #HIGHEST_ABANDON_RATE}, and how long an answered customer waits for an agent
 * before being hung up. The limits and defaults here are the only copy: the server's validation,
 * its defaults and its forecasts read them.
 *
 * @param hoursZone the zone whose clock hours the limit is held in: the business's, whose local
 *                  hours a regulator and the contact center count
 */
public record PredictiveSettings(double maxAbandonRate, Duration maxWait, ZoneId hoursZone) {

    /** "Maximum allowable abandon rate, 0 < r ≤ 0.10." */
    public static final double HIGHEST_ABANDON_RATE = 0.10;

    /** 3 %: the ceiling most regulators set for abandoned calls, so a campaign's default. */
    public static final double DEFAULT_MAX_ABANDON_RATE = 0.03;

    /** How long an answered customer waits for an agent unless the campaign says otherwise. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(10);

    /** The settings of a predictive campaign that leaves both to their defaults. */
    public static final PredictiveSettings DEFAULTS = new PredictiveSettings(DEFAULT_MAX_ABANDON_RATE, DEFAULT_MAX_WAIT);

    public PredictiveSettings {
        if (!allowsAbandonRate(maxAbandonRate)) {
            throw new IllegalArgumentException("maxAbandonRate must be above 0 and at most " + HIGHEST_ABANDON_RATE
                    + ", was " + maxAbandonRate);
        }
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxWait.isNegative() || maxWait.isZero()) {
            throw new IllegalArgumentException("maxWait must be positive, was " + maxWait);
        }
        Objects.requireNonNull(hoursZone, "hoursZone");
    }

    /** Settings whose hours are those of UTC. */
    public PredictiveSettings(double maxAbandonRate, Duration maxWait) {
        this(maxAbandonRate, maxWait, ZoneOffset.UTC);
    }

    /** Whether a campaign may allow this abandon rate: above 0 and at most {@value #HIGHEST_ABANDON_RATE}. */
    public static boolean allowsAbandonRate(double rate) {
        return rate > 0 && rate <= HIGHEST_ABANDON_RATE;
    }
}
