package dev.outdial.web;

import io.micrometer.core.instrument.config.MeterFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bounds the cardinality of Outdial's own metrics: past {@code outdial.metrics.max-campaigns}
 * distinct campaigns (or {@code max-businesses} businesses) further series are dropped, never
 * grown without limit. A node forgets ended campaigns' series when it restarts.
 */
@Configuration
class MetricsConfig {

    @Bean
    MeterFilter campaignCardinality(@Value("${outdial.metrics.max-campaigns:2000}") int maxCampaigns) {
        return MeterFilter.maximumAllowableTags("outdial", "campaign", maxCampaigns, MeterFilter.deny());
    }

    @Bean
    MeterFilter businessCardinality(@Value("${outdial.metrics.max-businesses:1000}") int maxBusinesses) {
        return MeterFilter.maximumAllowableTags("outdial", "business", maxBusinesses, MeterFilter.deny());
    }
}
