package dev.outdial.webhook.internal;

import dev.outdial.dialing.CallEnded;
import dev.outdial.webhook.WebhookEvent;
import dev.outdial.webhook.Webhooks;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** An ended call becomes a webhook delivery for the businesses that asked for {@code call.ended}. */
@Component
class CallWebhooks {

    private final Webhooks webhooks;

    CallWebhooks(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @EventListener
    void on(CallEnded ended) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("callId", ended.callId());
        data.put("campaignId", ended.campaignId());
        data.put("customerId", ended.customerId());
        data.put("number", ended.number());
        data.put("agentId", ended.agentId());
        data.put("result", ended.result());
        data.put("endedAt", ended.endedAt().toString());
        webhooks.publish(ended.businessId(), WebhookEvent.CALL_ENDED, data);
    }
}
