package dev.outdial.engine.sim;

import java.time.Duration;
import java.util.Objects;

/** A key a simulated inbound caller presses, {@code after} their call came in. */
public record CallerKeyPress(Duration after, String key) {

    public CallerKeyPress {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(key, "key");
        if (after.isNegative()) {
            throw new IllegalArgumentException("a key is pressed after the call comes in, not before");
        }
    }
}
