package dev.outdial.testing;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A webhook's deliveries as its business sees them through the API. A delivery is queued in the
 * same transaction as the change it reports, and a delivered one is never sent again: so once
 * every queued delivery is DELIVERED, what a receiver got is all it will get.
 */
public final class WebhookOutbox {

    private WebhookOutbox() {
    }

    public static List<JsonNode> deliveries(TestBusiness business, long webhookId) {
        List<JsonNode> items = new ArrayList<>();
        business.admin().get("/api/v1/webhooks/" + webhookId + "/deliveries").expect(200).json().get("items")
                .forEach(items::add);
        return items;
    }

    /** Waits until the webhook has {@code count} deliveries queued, all DELIVERED; returns them. */
    public static List<JsonNode> awaitAllDelivered(TestBusiness business, long webhookId, int count) {
        return Await.until(() -> deliveries(business, webhookId), items -> items.size() == count
                        && items.stream().allMatch(item -> item.get("status").asString().equals("DELIVERED")),
                count + " deliveries of webhook " + webhookId + ", all delivered");
    }
}
