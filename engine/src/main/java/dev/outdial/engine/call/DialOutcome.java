package dev.outdial.engine.call;

import dev.outdial.engine.port.CallId;
import dev.outdial.engine.rules.DialVerdict;

/** What became of a dial: placed, refused by compliance (nothing dialed), or the customer was no longer there to dial. */
public sealed interface DialOutcome {

    record Placed(CallId call) implements DialOutcome {
    }

    /** {@code DialCompliance} refused: the customer was released with the reason, nothing was dialed. */
    record Refused(DialVerdict.Refused verdict) implements DialOutcome {
    }

    /** The customer changed meanwhile (paused, deleted, on a call elsewhere): nothing was dialed. */
    record NotPlaced(String reason) implements DialOutcome {
    }

    default boolean isPlaced() {
        return this instanceof Placed;
    }
}
