package dev.outdial.engine.rules;

import dev.outdial.engine.customer.CustomerState;
import java.util.Objects;

/**
 * What the server or the simulator knows right before a dial, for {@link DialCompliance}.
 *
 * @param customer          the customer's state as stored
 * @param calledNumber      the number about to be dialed, in E.164
 * @param onBlacklist       whether the number is on the business's blacklist now, looked up at dial
 *                          time: "BLOCKED and DNC are decided when the customer is added and
 *                          checked again right before every dial"
 * @param onDncRegistry     whether the number is in the DNC registry now, looked up at dial time
 */
public record DialRequest(
        CustomerState customer,
        String calledNumber,
        boolean onBlacklist,
        boolean onDncRegistry) {

    public DialRequest {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(calledNumber, "calledNumber");
    }
}
