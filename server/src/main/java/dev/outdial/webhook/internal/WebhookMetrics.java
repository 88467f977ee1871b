package dev.outdial.webhook.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code outdial_webhook_deliveries{business, status}}: the deliveries still PENDING and those
 * FAILED for good, read from the outbox every {@code outdial.metrics.refresh}. The same on every
 * node (it is the database's count), so a dashboard takes the max over instances, not the sum.
 */
@Component
class WebhookMetrics {

    private static final Logger log = LoggerFactory.getLogger(WebhookMetrics.class);

    private final DeliveryRepository deliveries;
    private final MultiGauge backlog;

    WebhookMetrics(DeliveryRepository deliveries, MeterRegistry registry) {
        this.deliveries = deliveries;
        this.backlog = MultiGauge.builder("outdial.webhook.deliveries")
                .description("Webhook deliveries not delivered, by status").register(registry);
    }

    @Scheduled(fixedDelayString = "${outdial.metrics.refresh:PT15S}")
    void refresh() {
        try {
            backlog.register(deliveries.backlog().stream()
                    .map(row -> MultiGauge.Row.of(Tags.of("business", String.valueOf(row.businessId()),
                            "status", row.status()), row.count()))
                    .toList(), true);
        } catch (RuntimeException failure) {
            log.warn("Webhook metrics not refreshed; the next round tries again", failure);
        }
    }
}
