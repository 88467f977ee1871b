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
import java.util.function.Supplier;

/** Call records and refused dials in memory, for the simulator and tests; open calls are counted as saved. */
public final class InMemoryCallLog implements CallLog {

    /** A dial that compliance refused, as the audit trail keeps it. */
    public record Refusal(long campaignId, long customerId, String number, Instant at, DialVerdict.Refused refusal) {
    }

    private final Map<CallId, CallRecord> calls = new LinkedHashMap<>();
    /**
     * Open calls per business and per customer, counted in entries changed in place: a call opened or
     * closed was three maps' lookups, each with a key made for it, and a boxed count each.
     */
    private final Map<Long, OpenCount> openByBusiness = new HashMap<>();
    private final Map<CustomerKey, CustomerCalls> byCustomer = new HashMap<>();
    private final List<Refusal> refusals = new ArrayList<>();
    /** Transactions of the log open now, nested ones counted: what a database would not have committed yet. */
    private int transactionsOpen;

    /** Nothing is rolled back in memory; the depth is kept so that the audit can tell what runs before a commit. */
    @Override
    public <T> T atomically(Supplier<T> work) {
        transactionsOpen++;
        try {
            return work.get();
        } finally {
            transactionsOpen--;
        }
    }

    /** Whether a transaction of the log is open now: a write made in it is not committed yet. */
    public boolean inTransaction() {
        return transactionsOpen > 0;
    }

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
            closed(opened);
        }
    }

    @Override
    public void save(CallRecord call) {
        CallRecord previous = calls.put(call.id(), call);
        boolean wasOpen = previous != null && previous.isOpen();
        if (call.isOpen() && !wasOpen) {
            openByBusiness.computeIfAbsent(call.businessId(), business -> new OpenCount()).count++;
            CustomerCalls customer = byCustomer.computeIfAbsent(customerKey(call.campaignId(), call.customerId()),
                    key -> new CustomerCalls());
            customer.open++;
            customer.lastOpened = call.id();
        } else if (!call.isOpen() && wasOpen) {
            closed(call);
        }
    }

    /** A call open until now is closed (ended, or its line given back): the customer's last opened is forgotten. */
    private void closed(CallRecord call) {
        openByBusiness.computeIfAbsent(call.businessId(), business -> new OpenCount()).count--;
        CustomerCalls customer = byCustomer.computeIfAbsent(customerKey(call.campaignId(), call.customerId()),
                key -> new CustomerCalls());
        customer.open--;
        customer.lastOpened = null;
    }

    @Override
    public void recordRefusal(long campaignId, long customerId, String number, Instant at, DialVerdict.Refused refusal) {
        refusals.add(new Refusal(campaignId, customerId, number, at, refusal));
    }

    @Override
    public int openCalls(long businessId) {
        OpenCount open = openByBusiness.get(businessId);
        return open == null ? 0 : open.count;
    }

    @Override
    public Optional<CallRecord> openCallOf(long campaignId, long customerId) {
        CustomerCalls customer = byCustomer.get(customerKey(campaignId, customerId));
        return customer == null || customer.lastOpened == null ? Optional.empty()
                : Optional.ofNullable(calls.get(customer.lastOpened));
    }

    /** The customer's calls open now: more than one is two calls at once. */
    public int openCallsOf(long campaignId, long customerId) {
        CustomerCalls customer = byCustomer.get(customerKey(campaignId, customerId));
        return customer == null ? 0 : customer.open;
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

    /** A business's calls open now. */
    private static final class OpenCount {
        private int count;
    }

    /**
     * A customer's calls open now, and the last one opened while it is open: a call closing forgets it,
     * even with another still open (a second open call is a breach the audit counts, not a call to find).
     */
    private static final class CustomerCalls {
        private int open;
        private CallId lastOpened;
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
