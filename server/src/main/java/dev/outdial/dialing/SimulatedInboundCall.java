package dev.outdial.dialing;

import java.util.List;

/**
 * An inbound call the admin has the simulated carrier make: who calls which queue, the keys they
 * press and when, and when they hang up if they do before the call ends otherwise.
 */
public record SimulatedInboundCall(Long queueId, String callerNumber, List<KeyPress> keys, Integer hangUpAfterSeconds) {

    /** A key pressed {@code afterSeconds} after the call entered the queue. */
    public record KeyPress(Integer afterSeconds, String key) {
    }
}
