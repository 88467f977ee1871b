package dev.outdial.inbound;

import dev.outdial.engine.port.CallEnd;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * An inbound call as the queue's list shows it: who called, the keys they pressed (with what each
 * did), the agent rung or who took it, and how it ended.
 *
 * @param state  {@code WAITING}, {@code AGENT_RINGING}, {@code TALKING} or {@code ENDED}
 * @param result {@code ANSWERED}, {@code CALLBACK_REQUESTED}, {@code MISSED_WAIT_EXCEEDED} or {@code MISSED_CALLER_HUNG_UP}
 * @param howEnded who ended the call, once it has (a {@code CallEnd}; the caller is its customer)
 */
public record InboundCallView(String id, long queueId, String callerNumber, Instant enteredAt, List<Key> keys,
                              Long agentId, Instant agentRingingAt, Instant connectedAt, Instant endedAt,
                              @Schema(allowableValues = {"WAITING", "AGENT_RINGING", "TALKING", "ENDED"}) String state,
                              @Schema(allowableValues = {"ANSWERED", "CALLBACK_REQUESTED", "MISSED_WAIT_EXCEEDED",
                                      "MISSED_CALLER_HUNG_UP"}) String result,
                              @Schema(implementation = CallEnd.class) String howEnded) {

    /** A key pressed in the queue: {@code verdict} STAYS_IN_QUEUE, TOO_EARLY, TOO_LATE or CALLBACK_REQUESTED. */
    public record Key(String key, Instant at, String verdict) {
    }
}
