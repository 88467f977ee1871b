package dev.outdial.engine.inbound;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.port.CallEnd;
import dev.outdial.engine.port.CallId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One caller's call into a queue, as recorded at every step: entered, the keys pressed, the agent
 * rung and when they took it, and how it ended.
 *
 * @param agent        the agent rung or talking; the last one rung when nobody answered
 * @param connectedAt  when an agent took the call
 * @param howEnded     who ended the call once it has: the caller or the agent hanging up, either's line lost, or
 *                     the platform (the maximum wait, a callback's notification played); empty where the caller's
 *                     leg failed rather than hung up
 */
public record InboundCall(CallId id, long businessId, long queueId, String callerNumber, Instant enteredAt,
                          List<PressedKey> keys, Optional<AgentId> agent, Optional<Instant> agentRingingAt,
                          Optional<Instant> connectedAt, Optional<Instant> endedAt, Optional<InboundResult> result,
                          Optional<CallEnd> howEnded) {

    /** Where the call stands, as the queue's list shows it. */
    public enum Phase { WAITING, AGENT_RINGING, TALKING, ENDED }

    public InboundCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(callerNumber, "callerNumber");
        Objects.requireNonNull(enteredAt, "enteredAt");
        keys = List.copyOf(keys);
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(agentRingingAt, "agentRingingAt");
        Objects.requireNonNull(connectedAt, "connectedAt");
        if (endedAt.isPresent() != result.isPresent()) {
            throw new IllegalArgumentException("an inbound call has a result exactly when it has ended");
        }
        if (howEnded.isPresent() && endedAt.isEmpty()) {
            throw new IllegalArgumentException("only a call that has ended was ended by someone");
        }
    }

    public static InboundCall entered(CallId id, long businessId, long queueId, String callerNumber, Instant at) {
        return new InboundCall(id, businessId, queueId, callerNumber, at, List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public Phase phase() {
        if (endedAt.isPresent()) {
            return Phase.ENDED;
        }
        if (connectedAt.isPresent()) {
            return Phase.TALKING;
        }
        return agentRingingAt.isPresent() ? Phase.AGENT_RINGING : Phase.WAITING;
    }

    InboundCall pressed(PressedKey key) {
        List<PressedKey> more = new ArrayList<>(keys);
        more.add(key);
        return new InboundCall(id, businessId, queueId, callerNumber, enteredAt, more, agent, agentRingingAt,
                connectedAt, endedAt, result, howEnded);
    }

    InboundCall ringing(AgentId rung, Instant at) {
        return new InboundCall(id, businessId, queueId, callerNumber, enteredAt, keys, Optional.of(rung), Optional.of(at),
                connectedAt, endedAt, result, howEnded);
    }

    /** The agent rung did not answer: the caller waits again. */
    InboundCall unanswered() {
        return new InboundCall(id, businessId, queueId, callerNumber, enteredAt, keys, agent, Optional.empty(),
                connectedAt, endedAt, result, howEnded);
    }

    InboundCall connected(Instant at) {
        return new InboundCall(id, businessId, queueId, callerNumber, enteredAt, keys, agent, agentRingingAt,
                Optional.of(at), endedAt, result, howEnded);
    }

    InboundCall ended(Instant at, InboundResult how, Optional<CallEnd> endedBy) {
        return new InboundCall(id, businessId, queueId, callerNumber, enteredAt, keys, agent, agentRingingAt,
                connectedAt, Optional.of(at), Optional.of(how), endedBy);
    }
}
