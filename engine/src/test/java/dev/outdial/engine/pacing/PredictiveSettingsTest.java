package dev.outdial.engine.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The abandon-rate limit and the predictive defaults the server validates and fills with. */
class PredictiveSettingsTest {

    @Test
    void theAbandonRateIsAboveZeroAndAtMostTenPercent() {
        assertThat(PredictiveSettings.allowsAbandonRate(0.10)).isTrue();
        assertThat(PredictiveSettings.allowsAbandonRate(0.0001)).isTrue();
        assertThat(PredictiveSettings.allowsAbandonRate(0)).isFalse();
        assertThat(PredictiveSettings.allowsAbandonRate(0.1001)).isFalse();
        assertThatThrownBy(() -> new PredictiveSettings(0.11, Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAbandonRate");
    }

    @Test
    void theDefaultsAreThreePercentAndTenSeconds() {
        assertThat(PredictiveSettings.DEFAULTS).isEqualTo(new PredictiveSettings(0.03, Duration.ofSeconds(10)));
    }
}
