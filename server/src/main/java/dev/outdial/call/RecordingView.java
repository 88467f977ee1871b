package dev.outdial.call;

import java.time.Instant;

/**
 * A call's recording as the API lists it: the call (its id, campaign, customer, number and agent, with the agent's
 * name), how long the recording is and its size; its audio is {@code GET /api/v1/calls/{callId}/recording}.
 */
public record RecordingView(
        String callId,
        long campaignId,
        long customerId,
        String number,
        Long agentId,
        String agentName,
        long lengthMillis,
        long sizeBytes,
        Instant recordedAt) {
}
