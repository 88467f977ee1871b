package dev.outdial.call.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code outdial_call_ends_waiting{handler, state}}: the call ends in the outbox that a handler has not
 * handled yet ({@code due}, or {@code retrying} after a failure) and those it gave up on
 * ({@code given_up}: they wait for an operator), read every {@code outdial.metrics.refresh}. The same
 * on every node (the database's count): a dashboard takes the max over instances, not the sum.
 */
@Component
class CallEndMetrics {

    private static final Logger log = LoggerFactory.getLogger(CallEndMetrics.class);

    private final CallEndOutbox outbox;
    private final MultiGauge waiting;

    CallEndMetrics(CallEndOutbox outbox, MeterRegistry registry) {
        this.outbox = outbox;
        this.waiting = MultiGauge.builder("outdial.call.ends.waiting")
                .description("Call ends not handled yet by a handler, by state").register(registry);
    }

    @Scheduled(fixedDelayString = "${outdial.metrics.refresh:PT15S}")
    void refresh() {
        try {
            waiting.register(outbox.backlog().stream()
                    .map(row -> MultiGauge.Row.of(Tags.of("handler", row.handler(), "state", row.state()), row.count()))
                    .toList(), true);
        } catch (RuntimeException failure) {
            log.warn("Call-end metrics not refreshed; the next round tries again", failure);
        }
    }
}
