package dev.outdial.sip;

import dev.outdial.engine.port.CallId;
import java.util.Objects;
import java.util.Optional;

/**
 * A supervisor's listening changed without their phone rung again ({@link SipTelephony#changeListening}).
 *
 * @param ear  their phone's leg, the one they answered
 * @param left the call they listened in on before, where they moved to another; empty where only the mode changed
 */
public record ListeningChange(CallId ear, Optional<CallId> left) {

    public ListeningChange {
        Objects.requireNonNull(ear, "ear");
        Objects.requireNonNull(left, "left");
    }
}
