package dev.outdial.engine.port;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CallResult;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One attempt, as SPEC §4.4 records it; the server adds what the agent fills in (classification,
 * script answers, ticket).
 */
public record CallRecord(
        long campaignId,
        long customerId,
        String dialedNumber,
        String hotline,
        Optional<AgentId> agent,
        Instant dialingAt,
        Optional<Instant> answeredAt,
        Instant endedAt,
        CallResult result) {

    public CallRecord {
        Objects.requireNonNull(dialedNumber, "dialedNumber");
        Objects.requireNonNull(hotline, "hotline");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(dialingAt, "dialingAt");
        Objects.requireNonNull(answeredAt, "answeredAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(result, "result");
    }
}
