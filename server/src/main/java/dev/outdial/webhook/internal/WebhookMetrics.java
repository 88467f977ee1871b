package dev.outdial.webhook.internal;

import dev.outdial.shared.DatabaseGauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** {@code outdial_webhook_deliveries{business, status}}: the deliveries still PENDING and those FAILED for good. */
@Component
class WebhookMetrics extends DatabaseGauge {

    private final DeliveryRepository deliveries;

    WebhookMetrics(DeliveryRepository deliveries, MeterRegistry registry) {
        super(registry, "outdial.webhook.deliveries", "Webhook deliveries not delivered, by status");
        this.deliveries = deliveries;
    }

    @Override
    protected Map<Tags, Long> counts() {
        return deliveries.backlog().stream().collect(Collectors.toMap(
                row -> Tags.of("business", String.valueOf(row.businessId()), "status", row.status()), row -> row.count()));
    }
}
