package dev.outdial.engine.call;

import dev.outdial.engine.customer.CustomerState;

/** What became of an agent's disposition: applied to the customer, or refused with the reason. */
public sealed interface DispositionOutcome {

    record Disposed(CustomerState customer) implements DispositionOutcome {
    }

    record Rejected(String reason) implements DispositionOutcome {
    }
}
