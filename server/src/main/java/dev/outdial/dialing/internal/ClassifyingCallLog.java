package dev.outdial.dialing.internal;

import dev.outdial.customer.DialingCustomers;
import dev.outdial.engine.port.CallLog;
import dev.outdial.engine.port.CallRecord;
import dev.outdial.engine.rules.DialVerdict;
import java.time.Instant;
import java.util.Optional;

/**
 * The engine's call log, which also copies the agent's word on a reached call to its customer: the
 * customer list's "classification" column is the classification of the last reached call (SPEC
 * §4.3, §4.4). Every disposition, from the agent API or a simulated agent, is saved through here.
 */
final class ClassifyingCallLog implements CallLog {

    private final CallRecordRepository calls;
    private final DialingCustomers customers;

    ClassifyingCallLog(CallRecordRepository calls, DialingCustomers customers) {
        this.calls = calls;
        this.customers = customers;
    }

    @Override
    public void save(CallRecord call) {
        calls.save(call);
        call.disposition().ifPresent(word -> customers.classify(call.campaignId(), call.customerId(),
                Long.parseLong(word.classification())));
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
