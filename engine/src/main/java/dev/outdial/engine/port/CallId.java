package dev.outdial.engine.port;

import java.util.Objects;

/** One call leg, as the telephony adapter names it; the engine only passes it back. */
public record CallId(String value) {

    public CallId {
        Objects.requireNonNull(value, "call id");
    }
}
