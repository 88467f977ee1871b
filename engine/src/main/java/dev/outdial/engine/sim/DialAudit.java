package dev.outdial.engine.sim;

import dev.outdial.engine.call.CampaignSettings;
import dev.outdial.engine.customer.CustomerState;
import dev.outdial.engine.port.CallEvent;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.ForwardingTelephony;
import dev.outdial.engine.port.MachineDetection;
import dev.outdial.engine.port.Scheduler;
import dev.outdial.engine.port.Telephony;
import dev.outdial.engine.rules.ConcurrencyLimit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Stands between the engine and the carrier and checks SPEC §7 at every customer dial, from what
 * the stores say at that moment: no blacklisted or DNC number, nothing outside working hours or
 * the campaign's window, nothing past maximum calls, no customer on two calls, never above the
 * contract's concurrency; and nothing placed before the transaction that recorded its dial has
 * committed. The simulation tests and the simulator both count on it. Every breach is kept as a line in {@link #violations()}.
 */
public final class DialAudit extends ForwardingTelephony {

    private record Customer(long campaignId, long customerId) {
    }

    private final Scheduler scheduler;
    private final InMemoryCustomerStore customers;
    private final InMemoryCallLog calls;
    private final InMemoryNumberLists lists;
    private final ConcurrencyLimit limit;
    private final Map<String, Customer> byNumber = new HashMap<>();
    private final Map<Long, CampaignSettings> campaigns = new HashMap<>();
    private final List<String> violations = new ArrayList<>();
    private int dials;
    private int mostOpenCalls;

    public DialAudit(Telephony carrier, Scheduler scheduler, InMemoryCustomerStore customers, InMemoryCallLog calls,
              InMemoryNumberLists lists, ConcurrencyLimit limit) {
        super(carrier);
        this.scheduler = scheduler;
        this.customers = customers;
        this.calls = calls;
        this.lists = lists;
        this.limit = limit;
    }

    public void watch(CampaignSettings settings) {
        campaigns.put(settings.campaignId(), settings);
    }

    public void knows(String number, long campaignId, long customerId) {
        byNumber.put(number, new Customer(campaignId, customerId));
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    public int dials() {
        return dials;
    }

    /** The most calls the business had up at once, counting the one being placed. */
    public int mostOpenCalls() {
        return mostOpenCalls;
    }

    @Override
    public void place(CallId call, String from, String to, Duration ringTimeout, MachineDetection detection,
                      Consumer<CallEvent> listener) {
        dials++;
        Customer customer = byNumber.get(to);
        CampaignSettings settings = campaigns.get(customer.campaignId());
        CustomerState state = customers.stateOf(customer.campaignId(), customer.customerId());
        // The breach's line is written only when there is one: a day places a million dials.
        if (lists.lookUp(1, to).onAnyList()) {
            violations.add(dialOf(to) + "the number is blacklisted or in the DNC registry");
        }
        if (!settings.window().campaignVerdict(scheduler.now()).isAllowed()) {
            violations.add(dialOf(to) + "outside working hours or the campaign's window");
        }
        if (state.cycleAttempts() >= settings.rules().maxCallsPerCustomer()) {
            violations.add(dialOf(to) + "past maximum calls, " + state.cycleAttempts() + " unanswered in this cycle");
        }
        // The call being placed is recorded open already (its line was opened first): any other is one too many.
        if (calls.openCallsOf(customer.campaignId(), customer.customerId()) > 1) {
            violations.add(dialOf(to) + "the customer is on another call");
        }
        if (calls.inTransaction()) {
            violations.add(dialOf(to) + "placed before its dial committed: a phone rang for a dial that could still roll back");
        }
        int open = calls.openCalls(1);
        mostOpenCalls = Math.max(mostOpenCalls, open);
        if (open > limit.contractLimit()) {
            violations.add(dialOf(to) + open + " calls up, above the contract's " + limit.contractLimit());
        }
        super.place(call, from, to, ringTimeout, detection, listener);
    }

    private String dialOf(String to) {
        return "dial of " + to + " at " + scheduler.now() + ": ";
    }
}
