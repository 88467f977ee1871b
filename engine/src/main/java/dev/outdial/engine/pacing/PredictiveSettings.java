package dev.outdial.engine.pacing;

import java.time.Duration;
import java.util.Objects;

/**
 * The settings only predictive campaigns have (SPEC §4.1): the maximum abandon ("missed") rate,
 * 0 &lt; r ≤ 0.10, and how long an answered customer waits for an agent before being hung up.
 */
public record PredictiveSettings(double maxAbandonRate, Duration maxWait) {

    public PredictiveSettings {
        if (!(maxAbandonRate > 0 && maxAbandonRate <= 0.10)) {
            throw new IllegalArgumentException("maxAbandonRate must be above 0 and at most 0.10, was " + maxAbandonRate);
        }
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxWait.isNegative() || maxWait.isZero()) {
            throw new IllegalArgumentException("maxWait must be positive, was " + maxWait);
        }
    }
}
