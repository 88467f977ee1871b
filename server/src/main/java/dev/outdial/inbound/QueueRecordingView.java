package dev.outdial.inbound;

import java.time.Instant;

/**
 * A queue call's recording as the API lists it: the call (its id, queue, the caller's number and the agent who took
 * it, with the agent's name), how long the recording is and its size; its audio is
 * {@code GET /api/v1/calls/{callId}/recording}.
 */
public record QueueRecordingView(
        String callId,
        long queueId,
        String callerNumber,
        Long agentId,
        String agentName,
        long lengthMillis,
        long sizeBytes,
        Instant recordedAt) {
}
