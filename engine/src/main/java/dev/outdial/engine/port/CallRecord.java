package dev.outdial.engine.port;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CallResult;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One attempt, as SPEC §4.4 records it: saved when the call is placed and again at every step, so
 * open calls are visible ({@code ?active=true}), counted against the contract's concurrency, and
 * closed as NETWORK_ERROR if their node crashes.
 *
 * @param id           the customer leg, as telephony names it
 * @param agent        who takes the call: known from the start when the call is placed for an
 *                     agent, set on connection when an agent is found after the answer
 * @param queuedAt     when the engine took the customer for this call
 * @param connectedAt  when the customer and the agent were connected
 * @param howEnded     who ended the call, once an answered call has ended (a call never answered has its result)
 * @param disposition  the agent's word, once given on a reached call
 */
public record CallRecord(
        CallId id,
        long businessId,
        long campaignId,
        long customerId,
        String dialedNumber,
        String hotline,
        Optional<AgentId> agent,
        Instant queuedAt,
        Instant dialingAt,
        Optional<Instant> ringingAt,
        Optional<Instant> answeredAt,
        Optional<Instant> connectedAt,
        Optional<Instant> endedAt,
        Optional<CallResult> result,
        Optional<CallEnd> howEnded,
        Optional<CallDisposition> disposition) {

    /** Where a call stands, as the live view and the call API show it. */
    public enum Phase { DIALING, RINGING, WAITING_FOR_AGENT, TALKING, ENDED }

    public CallRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dialedNumber, "dialedNumber");
        Objects.requireNonNull(hotline, "hotline");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(queuedAt, "queuedAt");
        Objects.requireNonNull(dialingAt, "dialingAt");
        Objects.requireNonNull(ringingAt, "ringingAt");
        Objects.requireNonNull(answeredAt, "answeredAt");
        Objects.requireNonNull(connectedAt, "connectedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(howEnded, "howEnded");
        Objects.requireNonNull(disposition, "disposition");
        if (endedAt.isPresent() != result.isPresent()) {
            throw new IllegalArgumentException("a call has a result exactly when it has ended");
        }
        if (howEnded.isPresent() && (endedAt.isEmpty() || answeredAt.isEmpty())) {
            throw new IllegalArgumentException("only an answered call that has ended was ended by someone");
        }
    }

    /** A call just placed to {@code dialedNumber} from {@code hotline}. */
    public static CallRecord dialing(CallId id, long businessId, long campaignId, long customerId, String dialedNumber,
                                     String hotline, Optional<AgentId> agent, Instant queuedAt, Instant dialingAt) {
        return new CallRecord(id, businessId, campaignId, customerId, dialedNumber, hotline, agent, queuedAt, dialingAt,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    public boolean isOpen() {
        return endedAt.isEmpty();
    }

    public Phase phase() {
        if (endedAt.isPresent()) {
            return Phase.ENDED;
        }
        if (connectedAt.isPresent()) {
            return Phase.TALKING;
        }
        if (answeredAt.isPresent()) {
            return Phase.WAITING_FOR_AGENT;
        }
        return ringingAt.isPresent() ? Phase.RINGING : Phase.DIALING;
    }

    public CallRecord ringing(Instant at) {
        return new CallRecord(id, businessId, campaignId, customerId, dialedNumber, hotline, agent, queuedAt, dialingAt,
                Optional.of(at), answeredAt, connectedAt, endedAt, result, howEnded, disposition);
    }

    public CallRecord answered(Instant at) {
        return new CallRecord(id, businessId, campaignId, customerId, dialedNumber, hotline, agent, queuedAt, dialingAt,
                ringingAt, Optional.of(at), connectedAt, endedAt, result, howEnded, disposition);
    }

    /** The call is for {@code taker}: known when the call is placed for an agent, or when one is rung after the answer. */
    public CallRecord assignedTo(AgentId taker) {
        return new CallRecord(id, businessId, campaignId, customerId, dialedNumber, hotline, Optional.of(taker), queuedAt,
                dialingAt, ringingAt, answeredAt, connectedAt, endedAt, result, howEnded, disposition);
    }

    /** The agent offered the waiting customer did not answer: the call is nobody's until the next offer. */
    public CallRecord unassigned() {
        return new CallRecord(id, businessId, campaignId, customerId, dialedNumber, hotline, Optional.empty(), queuedAt,
                dialingAt, ringingAt, answeredAt, connectedAt, endedAt, result, howEnded, disposition);
    }

    public CallRecord connected(AgentId to, Instant at) {
        return new CallRecord(id, businessId, campaignId, customerId, dialedNumber, hotline, Optional.of(to), queuedAt,
                dialingAt, ringingAt, answeredAt, Optional.of(at), endedAt, result, howEnded, disposition);
    }

    public CallRecord ended(Instant at, CallResult callResult) {
        return new CallRecord(id, businessId, campaignId, customerId, dialedNumber, hotline, agent, queuedAt, dialingAt,
                ringingAt, answeredAt, connectedAt, Optional.of(at), Optional.of(callResult), Optional.empty(),
                disposition);
    }

    /** The answered call ended with {@code callResult}, {@code how} says who ended it. */
    public CallRecord hungUp(Instant at, CallResult callResult, CallEnd how) {
        return new CallRecord(id, businessId, campaignId, customerId, dialedNumber, hotline, agent, queuedAt, dialingAt,
                ringingAt, answeredAt, connectedAt, Optional.of(at), Optional.of(callResult), Optional.of(how),
                disposition);
    }

    public CallRecord disposed(CallDisposition agentsWord) {
        return new CallRecord(id, businessId, campaignId, customerId, dialedNumber, hotline, agent, queuedAt, dialingAt,
                ringingAt, answeredAt, connectedAt, endedAt, result, howEnded, Optional.of(agentsWord));
    }
}
