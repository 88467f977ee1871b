package dev.outdial.sip;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether Outdial is registered with a trunk that sends its calls to where its customer registered.
 *
 * @param state     REGISTERING until the trunk first answers
 * @param checkedAt when the trunk last answered a REGISTER, or failed to
 * @param detail    how it answered, or why it failed, for the Hotlines page
 */
public record TrunkRegistrationStatus(State state, Optional<Instant> checkedAt, String detail) {

    public enum State {
        REGISTERING, REGISTERED, FAILED
    }
}
