package dev.outdial.sip.signal;

import dev.outdial.engine.port.CallId;
import java.util.UUID;

/**
 * Names legs for the engine and the call records: random UUIDs, so no two nodes and no restart of a
 * node ever name two legs alike, with no counter to persist.
 */
public final class CallIds {

    private CallIds() {
    }

    public static CallId next(String kind) {
        return new CallId("sip-" + kind + "-" + UUID.randomUUID());
    }
}
