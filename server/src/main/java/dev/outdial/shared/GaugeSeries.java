package dev.outdial.shared;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The series of one gauge, set afresh every round while each series keeps its meter: a series seen before has its
 * value updated in place, a new one is added, one gone is removed. Micrometer's {@code MultiGauge.register(rows, true)}
 * removes every series and registers it again, and a Prometheus scrape running meanwhile can see both and fails as a
 * whole ({@code DuplicateLabelsException}: {@code /actuator/prometheus} answers 500; micrometer-metrics/micrometer#6851,
 * still so in 1.17.2).
 */
public final class GaugeSeries {

    private final MultiGauge gauge;
    private final Map<Tags, Value> values = new HashMap<>();

    /** A series' value, read by its gauge at each scrape and set by each round. */
    private static final class Value {
        private volatile double now;
    }

    public GaugeSeries(MeterRegistry registry, String name, String description) {
        this.gauge = MultiGauge.builder(name).description(description).register(registry);
    }

    /** The series now, by their tags: the others are dropped. */
    public synchronized void set(Map<Tags, ? extends Number> series) {
        values.keySet().retainAll(series.keySet());
        List<MultiGauge.Row<?>> rows = new ArrayList<>(series.size());
        series.forEach((tags, number) -> {
            Value value = values.computeIfAbsent(tags, ignored -> new Value());
            value.now = number.doubleValue();
            rows.add(MultiGauge.Row.of(tags, value, held -> held.now));
        });
        // Not overwritten: a series registered before keeps its gauge, which reads the same Value.
        gauge.register(rows, false);
    }
}
