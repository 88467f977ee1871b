package dev.outdial.webhook.internal;

import dev.outdial.call.CallActivities;
import dev.outdial.call.CallEndHandler;
import dev.outdial.call.CallEnded;
import dev.outdial.customer.CampaignCustomers;
import dev.outdial.webhook.WebhookEvent;
import dev.outdial.webhook.Webhooks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * An ended call becomes a webhook delivery for the businesses that asked for {@code call.ended}.
 * The customer's external id is read only then: a business without such a webhook pays nothing, not
 * even a row in the call-end outbox.
 */
@Component
class CallWebhooks implements CallEndHandler {

    private final Webhooks webhooks;
    private final SubscriptionCache subscriptions;
    private final CampaignCustomers customers;
    private final CallActivities activities;

    CallWebhooks(Webhooks webhooks, SubscriptionCache subscriptions, CampaignCustomers customers,
                 CallActivities activities) {
        this.webhooks = webhooks;
        this.subscriptions = subscriptions;
        this.customers = customers;
        this.activities = activities;
    }

    @Override
    public String name() {
        return "webhooks";
    }

    @Override
    public boolean wants(CallEnded ended) {
        return subscriptions.anyoneWants(ended.businessId(), WebhookEvent.CALL_ENDED);
    }

    @Override
    public void handle(List<CallEnded> batch) {
        batch.forEach(this::publish);
    }

    private void publish(CallEnded ended) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("callId", ended.callId());
        data.put("campaignId", ended.campaignId());
        data.put("customerId", ended.customerId());
        data.put("externalId", customers.get(ended.businessId(), ended.campaignId(), ended.customerId()).externalId());
        data.put("number", ended.number());
        data.put("agentId", ended.agentId());
        data.put("result", ended.result());
        data.put("howEnded", ended.howEnded());
        data.put("classification", ended.classification());
        data.put("ringSeconds", ended.ringSeconds());
        data.put("talkSeconds", ended.talkSeconds());
        // only a call put through to an agent can have been held: the others cost no read
        data.put("holdSeconds", ended.connectedAt() == null ? 0
                : activities.heldMillis(ended.businessId(), ended.callId(), ended.endedAt()) / 1000);
        data.put("endedAt", ended.endedAt().toString());
        webhooks.publish(ended.businessId(), WebhookEvent.CALL_ENDED, data);
    }
}
