package dev.outdial.webhook.internal;

import dev.outdial.campaign.CampaignStatusChanged;
import dev.outdial.webhook.WebhookEvent;
import dev.outdial.webhook.Webhooks;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Campaign status changes become webhook deliveries, in the transaction of the change. */
@Component
class CampaignStatusWebhooks {

    private final Webhooks webhooks;

    CampaignStatusWebhooks(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @EventListener
    void on(CampaignStatusChanged changed) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("campaignId", changed.campaignId());
        data.put("from", changed.from() == null ? null : changed.from().name());
        data.put("to", changed.to().name());
        data.put("action", changed.action().name());
        data.put("actorId", changed.actorId());
        webhooks.publish(changed.businessId(), WebhookEvent.CAMPAIGN_STATUS_CHANGED, data);
    }
}
