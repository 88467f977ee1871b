package dev.outdial.engine.inbound;

import java.time.Instant;
import java.util.Objects;

/** A key the caller pressed while in the queue, when, and what it did. */
public record PressedKey(String key, Instant at, KeyVerdict verdict) {

    public PressedKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(verdict, "verdict");
    }
}
