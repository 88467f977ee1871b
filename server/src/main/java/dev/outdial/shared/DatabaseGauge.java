package dev.outdial.shared;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * A gauge of rows the database counts (a backlog by its tags), read again every
 * {@code outdial.metrics.refresh}. It is the same on every node, so a dashboard takes the max over
 * instances, not the sum; a series whose rows are gone is dropped.
 *
 * <p>Refreshes run one at a time, read and register together: the scheduled round and a caller's
 * round could otherwise interleave, and the one that read first, registering last, would put back a
 * count older than the one already shown.
 */
public abstract class DatabaseGauge {

    private static final Logger log = LoggerFactory.getLogger(DatabaseGauge.class);

    private final GaugeSeries gauge;
    private final String name;

    protected DatabaseGauge(MeterRegistry registry, String name, String description) {
        this.gauge = new GaugeSeries(registry, name, description);
        this.name = name;
    }

    /** The gauge's series as the database counts them now, by their tags. */
    protected abstract Map<Tags, Long> counts();

    @Scheduled(fixedDelayString = "${outdial.metrics.refresh:PT15S}")
    public synchronized void refresh() {
        try {
            gauge.set(counts());
        } catch (RuntimeException failure) {
            log.warn("Gauge {} not refreshed; the next round tries again", name, failure);
        }
    }
}
