package dev.outdial.engine.port;

import java.util.Objects;

/** One call leg, as the telephony adapter names it; the engine only passes it back. */
public record CallId(String value) {

    public CallId {
        Objects.requireNonNull(value, "call id");
    }

    // Written out: the record's generated equals goes through a method handle, and calls are looked up
    // by id at every event of a call.
    @Override
    public boolean equals(Object other) {
        return other instanceof CallId that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
