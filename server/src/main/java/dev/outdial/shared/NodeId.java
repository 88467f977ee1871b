package dev.outdial.shared;

import java.util.Objects;
import java.util.UUID;

/**
 * This server process among the nodes sharing one database (ARCHITECTURE §7): the owner written
 * on the leases it takes, and the prefix of the call ids it makes, so a node started again never
 * reuses an id its previous life left in the call records.
 */
public record NodeId(String value) {

    public NodeId {
        Objects.requireNonNull(value, "node id");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("a node id is 1 to 64 characters, was '" + value + "'");
        }
    }

    /** A fresh id for each start: a restarted process is a new holder, its old leases lapse. */
    public static NodeId random() {
        return new NodeId(UUID.randomUUID().toString().substring(0, 13));
    }
}
