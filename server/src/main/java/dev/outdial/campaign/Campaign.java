package dev.outdial.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.outdial.engine.customer.DialType;
import java.time.Instant;

/** A campaign as the API shows it: its settings side by side with its place in the lifecycle. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Campaign(
        long id,
        CampaignStatus status,
        String statusReason,
        @JsonUnwrapped CampaignDefinition settings,
        Instant createdAt,
        Instant updatedAt) {

    public DialType dialMode() {
        return settings.dialMode();
    }

    public String name() {
        return settings.name();
    }
}
