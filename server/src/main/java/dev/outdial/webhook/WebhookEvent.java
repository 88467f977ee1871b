package dev.outdial.webhook;

/** What a webhook can be told about; {@code name} is what the receiver sees in the payload. */
public enum WebhookEvent {
    CALL_ENDED("call.ended"),
    CUSTOMER_STATUS_CHANGED("customer.status_changed"),
    CAMPAIGN_STATUS_CHANGED("campaign.status_changed");

    private final String wireName;

    WebhookEvent(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
