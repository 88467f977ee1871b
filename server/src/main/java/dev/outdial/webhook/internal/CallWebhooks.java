package dev.outdial.webhook.internal;

import dev.outdial.call.CallEnded;
import dev.outdial.customer.CampaignCustomers;
import dev.outdial.webhook.WebhookEvent;
import dev.outdial.webhook.Webhooks;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An ended call becomes a webhook delivery for the businesses that asked for {@code call.ended}.
 * The customer's external id is read only then: a business without such a webhook pays nothing.
 */
@Component
class CallWebhooks {

    private final Webhooks webhooks;
    private final SubscriptionCache subscriptions;
    private final CampaignCustomers customers;

    CallWebhooks(Webhooks webhooks, SubscriptionCache subscriptions, CampaignCustomers customers) {
        this.webhooks = webhooks;
        this.subscriptions = subscriptions;
        this.customers = customers;
    }

    @ApplicationModuleListener
    void on(CallEnded ended) {
        if (!subscriptions.anyoneWants(ended.businessId(), WebhookEvent.CALL_ENDED)) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("callId", ended.callId());
        data.put("campaignId", ended.campaignId());
        data.put("customerId", ended.customerId());
        data.put("externalId", customers.get(ended.businessId(), ended.campaignId(), ended.customerId()).externalId());
        data.put("number", ended.number());
        data.put("agentId", ended.agentId());
        data.put("result", ended.result());
        data.put("classification", ended.classification());
        data.put("ringSeconds", ended.ringSeconds());
        data.put("talkSeconds", ended.talkSeconds());
        data.put("endedAt", ended.endedAt().toString());
        webhooks.publish(ended.businessId(), WebhookEvent.CALL_ENDED, data);
    }
}
