package dev.outdial.dialing.internal;

import dev.outdial.engine.customer.CustomerState;
import dev.outdial.engine.customer.Transition;
import dev.outdial.engine.port.CustomerStore;
import dev.outdial.engine.rules.QueuedCustomer;
import dev.outdial.engine.rules.Recipient;
import dev.outdial.shared.TransactionEnd;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The live engine's customer store, timed (issue 18): how long claiming the next customers and
 * writing a call's outcome to its customer take, each with its commit, as the engine waits for
 * them. Scraped at {@code /actuator/prometheus} as {@code outdial_customers_claim_seconds} and
 * {@code outdial_customers_record_seconds}, with buckets fine enough to read a p99 of a few ms.
 */
final class TimedCustomerStore implements CustomerStore {

    /** Where store latencies fall: fine below 10 ms, where a claim or a write should be, coarse above. */
    static final Duration[] LATENCY_BUCKETS = Stream.of(0.25, 0.5, 1.0, 2.0, 3.0, 4.0, 5.0, 7.5, 10.0, 15.0, 20.0,
                    30.0, 50.0, 100.0, 250.0, 500.0, 1000.0)
            .map(ms -> Duration.ofNanos((long) (ms * 1_000_000))).toArray(Duration[]::new);

    private final CustomerStore store;
    private final Timer claims;
    private final Timer records;

    TimedCustomerStore(CustomerStore store, MeterRegistry registry) {
        this.store = store;
        this.claims = latency("outdial.customers.claim",
                "Claiming a campaign's next customers, to the commit (with the dial's passage, for a dial)", registry);
        this.records = latency("outdial.customers.record", "Writing a customer's new state (a call's outcome), commit included",
                registry);
    }

    static Timer latency(String name, String description, MeterRegistry registry) {
        return Timer.builder(name).description(description).serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
    }

    /**
     * Timed from the claim's start to the commit that keeps it: a claim made for a dial commits with
     * the dial's passage through the gate (issue 18), so that is counted too, as the engine waits for it.
     */
    @Override
    public List<QueuedCustomer> claimNext(long campaignId, Recipient recipient, int max, Instant now, Instant leaseUntil) {
        Timer.Sample claiming = Timer.start();
        List<QueuedCustomer> claimed = store.claimNext(campaignId, recipient, max, now, leaseUntil);
        TransactionEnd.whenOver(() -> claiming.stop(claims));
        return claimed;
    }

    @Override
    public Optional<QueuedCustomer> find(long campaignId, long customerId) {
        return store.find(campaignId, customerId);
    }

    @Override
    public boolean record(long campaignId, long customerId, CustomerState expected, Transition.Applied transition) {
        return records.record(() -> store.record(campaignId, customerId, expected, transition));
    }

    @Override
    public Optional<Transition> update(long campaignId, long customerId, Function<CustomerState, Transition> step) {
        return records.record(() -> store.update(campaignId, customerId, step));
    }

    /** Not timed as a write: a lease beat stores hundreds of customers at once, which would read as one slow write. */
    @Override
    public void updateEach(long campaignId, Collection<Long> customerIds, Function<CustomerState, Transition> step) {
        store.updateEach(campaignId, customerIds, step);
    }

    @Override
    public List<QueuedCustomer> lapsedClaims(long campaignId, Instant now) {
        return store.lapsedClaims(campaignId, now);
    }

    @Override
    public Optional<Instant> nextDueAfter(long campaignId, Instant now) {
        return store.nextDueAfter(campaignId, now);
    }
}
