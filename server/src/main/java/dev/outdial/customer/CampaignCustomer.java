package dev.outdial.customer;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.customer.CustomerStatus;
import dev.outdial.engine.customer.DialType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A customer of a campaign as the customer list shows it: the columns of SPEC §4.3. {@code
 * nextAttemptAt} is the "time to call": the next attempt after the gap, or the callback appointment.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CampaignCustomer(
        long id,
        long campaignId,
        String campaignName,
        String name,
        List<String> phones,
        Instant addedAt,
        Instant nextAttemptAt,
        Long accountManagerId,
        String accountManagerName,
        CustomerStatus status,
        int attempts,
        int totalAttempts,
        @Schema(implementation = CallResult.class) String lastResult,
        Long classificationId,
        String externalId,
        String email,
        @Schema(implementation = DialType.class) String dialingMode,
        Long customerGroupId,
        Long contactId,
        Map<String, String> fields) {
}
