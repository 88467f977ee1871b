package dev.outdial.webhook;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a webhook can be told about; {@code name} is what the receiver sees in the payload. A schema
 * of its own in the API document: a set of it is what a client generator types right.
 */
@Schema(enumAsRef = true)
public enum WebhookEvent {
    CALL_ENDED("call.ended"),
    CUSTOMER_STATUS_CHANGED("customer.status_changed"),
    CAMPAIGN_STATUS_CHANGED("campaign.status_changed"),
    CALL_RECORDED("call.recorded"),
    CALL_QUALITY_MEASURED("call.quality_measured");

    private final String wireName;

    WebhookEvent(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
