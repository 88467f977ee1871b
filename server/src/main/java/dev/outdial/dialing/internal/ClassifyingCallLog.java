package dev.outdial.dialing.internal;

import dev.outdial.call.CallEnded;
import dev.outdial.call.DialingCalls;
import dev.outdial.customer.DialingCustomers;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.CallLog;
import dev.outdial.engine.port.CallRecord;
import dev.outdial.engine.port.LineRequest;
import dev.outdial.engine.rules.DialVerdict;
import dev.outdial.shared.TransactionEnd;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The engine's call log, which also copies the agent's word on a reached call to its customer: the
 * customer list's "classification" column is the classification of the last reached call (SPEC
 * §4.3, §4.4). Every disposition, from the agent API or a simulated agent, is saved through here,
 * and so is every call's end, announced once as {@link CallEnded}.
 */
final class ClassifyingCallLog implements CallLog {

    private final DialingCalls calls;
    private final DialingCustomers customers;
    private final ApplicationEventPublisher events;
    private final Timer endWrites;

    ClassifyingCallLog(DialingCalls calls, DialingCustomers customers, ApplicationEventPublisher events,
                       MeterRegistry registry) {
        this.calls = calls;
        this.customers = customers;
        this.events = events;
        this.endWrites = TimedCustomerStore.latency("outdial.calls.end.write",
                "Writing a call's end and result to its record (issue 18's call-end write)", registry);
    }

    /**
     * A start fenced off tells the node that it lost the lease: its dialing stops here (issue 14), once
     * the dial's transaction is over, so that stopping the business never runs inside it.
     */
    @Override
    public LineRequest openLine(CallRecord pending, int contractLimit) {
        LineRequest request = calls.openLine(pending, contractLimit);
        if (request instanceof LineRequest.Fenced) {
            PacerLeaseLost lost = new PacerLeaseLost(pending.businessId());
            TransactionEnd.whenOver(() -> events.publishEvent(lost));
        }
        return request;
    }

    @Override
    public void cancelLine(CallId pending) {
        calls.cancelLine(pending);
    }

    /**
     * One transaction: the record, the customer's classification and the {@link CallEnded}
     * announcement (stored by the event publication registry for its listeners that must not miss
     * it) are kept together or not at all.
     */
    @Override
    public void save(CallRecord call) {
        calls.atomically(() -> {
            saveAndAnnounce(call);
            return null;
        });
    }

    /** The call's end and its customer's new state in the transaction of {@link #save}. */
    @Override
    public <T> T atomically(Supplier<T> work) {
        return calls.atomically(work);
    }

    private void saveAndAnnounce(CallRecord call) {
        // The engine saves a call at every step, and again after it ended for the disposition: the
        // save that ends the record says so, without a query of its own.
        Timer.Sample writing = Timer.start();
        boolean endsNow = calls.saveEnding(call);
        if (endsNow) {
            writing.stop(endWrites);
        }
        // An agent's word names a classification by id; so does an autocall IVR's result, unless its
        // classification was deleted since the campaign started.
        classificationOf(call).ifPresent(id -> customers.classify(call.campaignId(), call.customerId(), id));
        if (endsNow) {
            events.publishEvent(ended(call));
        }
    }

    private static CallEnded ended(CallRecord call) {
        Instant endedAt = call.endedAt().orElseThrow();
        long ringSeconds = call.ringingAt()
                .map(ringing -> Duration.between(ringing, call.answeredAt().orElse(endedAt)).toSeconds()).orElse(0L);
        long talkSeconds = call.connectedAt().map(connected -> Duration.between(connected, endedAt).toSeconds())
                .orElse(0L);
        return new CallEnded(call.businessId(), call.campaignId(), call.id().value(),
                call.customerId(), call.dialedNumber(), call.agent().map(agent -> Long.valueOf(agent.value())).orElse(null),
                call.result().map(Enum::name).orElse(null), endedAt, classificationOf(call).orElse(null),
                Math.max(0, ringSeconds), Math.max(0, talkSeconds), call.answeredAt().orElse(null),
                call.connectedAt().orElse(null), call.howEnded().map(Enum::name).orElse(null));
    }

    private static Optional<Long> classificationOf(CallRecord call) {
        return call.disposition().map(word -> word.classification())
                .filter(id -> !id.isEmpty() && id.chars().allMatch(Character::isDigit)).map(Long::valueOf);
    }

    @Override
    public void recordRefusal(long campaignId, long customerId, String number, Instant at, DialVerdict.Refused refusal) {
        calls.recordRefusal(campaignId, customerId, number, at, refusal);
    }

    @Override
    public int openCalls(long businessId) {
        return calls.openCalls(businessId);
    }

    @Override
    public Optional<CallRecord> openCallOf(long campaignId, long customerId) {
        return calls.openCallOf(campaignId, customerId);
    }
}
