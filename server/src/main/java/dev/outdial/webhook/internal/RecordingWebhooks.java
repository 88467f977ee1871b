package dev.outdial.webhook.internal;

import dev.outdial.call.CallRecorded;
import dev.outdial.webhook.WebhookEvent;
import dev.outdial.webhook.Webhooks;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A call's recording, once kept, becomes a {@code call.recorded} delivery in the transaction that kept it, so a CRM
 * fetches the audio when it is there rather than polling after every {@code call.ended}.
 */
@Component
class RecordingWebhooks {

    private final Webhooks webhooks;

    RecordingWebhooks(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @EventListener
    void on(CallRecorded recorded) {
        Map<String, Object> data = CallData.of(recorded.callId(), recorded.campaignId(), recorded.queueId());
        data.put("lengthMillis", recorded.lengthMillis());
        data.put("sizeBytes", recorded.sizeBytes());
        data.put("recordedAt", recorded.recordedAt().toString());
        data.put("path", "/api/v1/calls/" + recorded.callId() + "/recording");
        webhooks.publish(recorded.businessId(), WebhookEvent.CALL_RECORDED, data);
    }
}
