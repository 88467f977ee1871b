package dev.outdial.webhook.internal;

import dev.outdial.call.CallQualityMeasured;
import dev.outdial.webhook.WebhookEvent;
import dev.outdial.webhook.Webhooks;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A real call's line quality, once kept a moment after the call ended, becomes a {@code call.quality_measured}
 * delivery in the transaction that kept it: a monitoring system or a CRM learns of a bad line without reading every
 * call's activity.
 */
@Component
class QualityWebhooks {

    private final Webhooks webhooks;

    QualityWebhooks(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @EventListener
    void on(CallQualityMeasured measured) {
        Map<String, Object> data = CallData.of(measured.callId(), measured.campaignId(), measured.queueId());
        // each side as the call's activity answers it (GET /api/v1/calls/{id}/activity, quality)
        data.put("customer", measured.quality().customer());
        data.put("agent", measured.quality().agent());
        webhooks.publish(measured.businessId(), WebhookEvent.CALL_QUALITY_MEASURED, data);
    }
}
