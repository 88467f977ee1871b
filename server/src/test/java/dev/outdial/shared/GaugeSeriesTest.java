package dev.outdial.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GaugeSeriesTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final GaugeSeries series = new GaugeSeries(registry, "test.backlog", "rows by state");

    private static Map<Tags, Integer> counts(int rows, int value) {
        Map<Tags, Integer> counts = new HashMap<>();
        for (int row = 0; row < rows; row++) {
            counts.put(Tags.of("business", String.valueOf(row), "status", "PENDING"), value + row);
        }
        return counts;
    }

    @Test
    void eachRoundsValuesAreScrapedAndASeriesGoneIsDropped() {
        series.set(counts(3, 10));
        series.set(Map.of(Tags.of("business", "0", "status", "PENDING"), 7,
                Tags.of("business", "5", "status", "FAILED"), 1));

        String scrape = registry.scrape();

        assertThat(scrape).contains("test_backlog{business=\"0\",status=\"PENDING\"} 7.0")
                .contains("test_backlog{business=\"5\",status=\"FAILED\"} 1.0")
                .doesNotContain("business=\"1\"").doesNotContain("business=\"2\"");
    }

    @Test
    void aSeriesSetAgainKeepsItsMeterSoAScrapeMeanwhileCannotSeeItTwice() {
        // Removed and registered again (MultiGauge.register(rows, true)), a series was briefly two meters, and a
        // Prometheus scrape that met both failed whole: /actuator/prometheus answered 500 (micrometer#6851).
        Tags pending = Tags.of("business", "0", "status", "PENDING");
        series.set(Map.of(pending, 3));
        Gauge first = registry.get("test.backlog").tags(pending).gauge();

        series.set(Map.of(pending, 4));

        assertThat(registry.get("test.backlog").tags(pending).gauge()).isSameAs(first);
        assertThat(first.value()).isEqualTo(4);
    }
}
