package dev.outdial.webhook.internal;

import dev.outdial.customer.CampaignCustomer;
import dev.outdial.customer.CampaignCustomers;
import dev.outdial.customer.CustomerStatusChanged;
import dev.outdial.webhook.WebhookEvent;
import dev.outdial.webhook.Webhooks;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A campaign customer's status change becomes a {@code customer.status_changed} delivery, in the
 * transaction of the change, for the webhooks that asked for it. The customer's number is read
 * only then: a business without such a webhook pays nothing for its dialing.
 */
@Component
class CustomerStatusWebhooks {

    private final Webhooks webhooks;
    private final SubscriptionCache subscriptions;
    private final CampaignCustomers customers;

    CustomerStatusWebhooks(Webhooks webhooks, SubscriptionCache subscriptions, CampaignCustomers customers) {
        this.webhooks = webhooks;
        this.subscriptions = subscriptions;
        this.customers = customers;
    }

    @EventListener
    void on(CustomerStatusChanged changed) {
        if (!subscriptions.anyoneWants(changed.businessId(), WebhookEvent.CUSTOMER_STATUS_CHANGED)) {
            return;
        }
        CampaignCustomer customer = customers.get(changed.businessId(), changed.campaignId(), changed.customerId());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("campaignId", changed.campaignId());
        data.put("customerId", changed.customerId());
        data.put("phone", customer.phones().getFirst());
        data.put("externalId", customer.externalId());
        data.put("from", changed.from().name());
        data.put("to", changed.to().name());
        data.put("attempts", changed.attempts());
        data.put("cycleAttempts", changed.cycleAttempts());
        data.put("at", changed.at().toString());
        webhooks.publish(changed.businessId(), WebhookEvent.CUSTOMER_STATUS_CHANGED, data);
    }
}
