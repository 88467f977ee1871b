package dev.outdial.engine.sim;

import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.CallLog;
import dev.outdial.engine.port.CallRecord;
import dev.outdial.engine.port.LineRequest;
import dev.outdial.engine.rules.DialVerdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Call records and refused dials in memory, for the simulator and tests; open calls are counted as saved. */
public final class InMemoryCallLog implements CallLog {

    /** A dial that compliance refused, as the audit trail keeps it. */
    public record Refusal(long campaignId, long customerId, String number, Instant at, DialVerdict.Refused refusal) {
    }

    private final Map<CallId, CallRecord> calls = new LinkedHashMap<>();
    private final Map<Long, Integer> openByBusiness = new HashMap<>();
    private final Map<CustomerKey, CallId> openByCustomer = new HashMap<>();
    private final Map<CustomerKey, Integer> openCountByCustomer = new HashMap<>();
    private final List<Refusal> refusals = new ArrayList<>();

    @Override
    public LineRequest openLine(CallRecord pending, int contractLimit) {
        int open = openCalls(pending.businessId());
        if (open >= contractLimit) {
            return new LineRequest.OverLimit(open);
        }
        if (calls.containsKey(pending.id())) {
            throw new IllegalStateException("call " + pending.id().value() + " is recorded already");
        }
        save(pending);
        return new LineRequest.Granted();
    }

    @Override
    public void cancelLine(CallId pending) {
        CallRecord opened = calls.remove(pending);
        if (opened != null && opened.isOpen()) {
            opened(opened, -1);
            openByCustomer.remove(customerKey(opened.campaignId(), opened.customerId()));
        }
    }

    @Override
    public void save(CallRecord call) {
        CallRecord previous = calls.put(call.id(), call);
        boolean wasOpen = previous != null && previous.isOpen();
        if (call.isOpen() && !wasOpen) {
            opened(call, 1);
            openByCustomer.put(customerKey(call.campaignId(), call.customerId()), call.id());
        } else if (!call.isOpen() && wasOpen) {
            opened(call, -1);
            openByCustomer.remove(customerKey(call.campaignId(), call.customerId()));
        }
    }

    @Override
    public void recordRefusal(long campaignId, long customerId, String number, Instant at, DialVerdict.Refused refusal) {
        refusals.add(new Refusal(campaignId, customerId, number, at, refusal));
    }

    @Override
    public int openCalls(long businessId) {
        return openByBusiness.getOrDefault(businessId, 0);
    }

    @Override
    public Optional<CallRecord> openCallOf(long campaignId, long customerId) {
        return Optional.ofNullable(openByCustomer.get(customerKey(campaignId, customerId))).map(calls::get);
    }

    /** The customer's calls open now: more than one is two calls at once. */
    public int openCallsOf(long campaignId, long customerId) {
        return openCountByCustomer.getOrDefault(customerKey(campaignId, customerId), 0);
    }

    private void opened(CallRecord call, int change) {
        openByBusiness.merge(call.businessId(), change, Integer::sum);
        openCountByCustomer.merge(customerKey(call.campaignId(), call.customerId()), change, Integer::sum);
    }

    /** Every call saved, in the order first placed. */
    public List<CallRecord> calls() {
        return List.copyOf(calls.values());
    }

    public Optional<CallRecord> call(CallId id) {
        return Optional.ofNullable(calls.get(id));
    }

    public List<Refusal> refusals() {
        return List.copyOf(refusals);
    }

    private static CustomerKey customerKey(long campaignId, long customerId) {
        return new CustomerKey(campaignId, customerId);
    }

    /**
     * A customer of a campaign as a map key, compared by hand: it was a string written out at every
     * call's change, and the generated equals of a record goes through method handles.
     */
    private static final class CustomerKey {

        private final long campaignId;
        private final long customerId;

        CustomerKey(long campaignId, long customerId) {
            this.campaignId = campaignId;
            this.customerId = customerId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof CustomerKey key && key.campaignId == campaignId && key.customerId == customerId;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(campaignId) * 31 + Long.hashCode(customerId);
        }
    }
}
