package dev.outdial.sip;

import java.util.Objects;

/**
 * How a customer's call's audio has reached Outdial so far: the customer's, from the carrier, and their agent's, from
 * their phone while it is bridged to the customer.
 *
 * @param customer the customer's
 * @param agent    the agent's; null where no phone is (or was) bridged to the customer
 */
public record CallQuality(AudioQuality customer, AudioQuality agent) {

    public CallQuality {
        Objects.requireNonNull(customer, "customer");
    }
}
