package dev.outdial.sip;

import java.time.Instant;
import java.util.Optional;

/**
 * How the carrier's trunk answered the last OPTIONS keep-alive.
 *
 * @param state     UNKNOWN until the first answer or timeout
 * @param checkedAt when it last answered or failed to
 * @param detail    the status line or the failure, for the Hotlines page
 */
public record TrunkStatus(State state, Optional<Instant> checkedAt, String detail) {

    public enum State {
        UNKNOWN, UP, DOWN
    }
}
