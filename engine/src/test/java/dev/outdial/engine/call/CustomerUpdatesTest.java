package dev.outdial.engine.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.customer.Claim;
import dev.outdial.engine.customer.CustomerInput;
import dev.outdial.engine.customer.CustomerState;
import dev.outdial.engine.customer.Transition;
import dev.outdial.engine.fixtures.CampaignSettingsBuilder;
import dev.outdial.engine.port.CustomerStore;
import dev.outdial.engine.rules.QueuedCustomer;
import dev.outdial.engine.rules.Recipient;
import dev.outdial.engine.sim.InMemoryCustomerStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A lease beat renews every customer the node holds in one store call ({@link CustomerStore#updateEach}):
 * each claimed customer's lease is extended as {@code LeaseRenewed} one by one would, while a customer
 * the state machine rejects (not claimed, its lease lapsed) and one gone from the campaign are left alone.
 * The same through the in-memory store's own version and through the port's default, which loops.
 */
class CustomerUpdatesTest {

    private static final Instant NOW = Instant.parse("2026-12-03T05:00:00Z");
    private static final long CAMPAIGN = 1;
    private static final long NOT_IN_THE_CAMPAIGN = 999_999;

    private static final CampaignSettings CAMPAIGN_SETTINGS = CampaignSettingsBuilder.aProgressiveCampaign(CAMPAIGN).build();

    static Stream<Function<InMemoryCustomerStore, CustomerStore>> stores() {
        return Stream.of(store -> store, OneByOne::new);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void renewsEveryHeldLeaseInOneCallAndLeavesTheRejectedAlone(Function<InMemoryCustomerStore, CustomerStore> port) {
        InMemoryCustomerStore memory = new InMemoryCustomerStore();
        memory.addCampaign(CAMPAIGN, CAMPAIGN_SETTINGS.rules());
        long first = claimed(memory, "+84912000001", NOW.plusSeconds(30));
        long second = claimed(memory, "+84912000002", NOW.plusSeconds(20));
        long lapsed = claimed(memory, "+84912000003", NOW.minusSeconds(1));
        long notClaimed = memory.add(CAMPAIGN, "+84912000004", NOW);
        CustomerState notClaimedBefore = memory.find(CAMPAIGN, notClaimed).orElseThrow().state();
        CustomerState lapsedBefore = memory.find(CAMPAIGN, lapsed).orElseThrow().state();

        new CustomerUpdates(port.apply(memory), CAMPAIGN, CAMPAIGN_SETTINGS.rules()).applyEach(
                List.of(first, second, lapsed, notClaimed, NOT_IN_THE_CAMPAIGN),
                new CustomerInput.LeaseRenewed(NOW.plusSeconds(90)), NOW);

        assertThat(leaseOf(memory, first)).contains(NOW.plusSeconds(90));
        assertThat(leaseOf(memory, second)).contains(NOW.plusSeconds(90));
        assertThat(memory.find(CAMPAIGN, lapsed).orElseThrow().state()).as("a lapsed lease is expired, not renewed")
                .isEqualTo(lapsedBefore);
        assertThat(memory.find(CAMPAIGN, notClaimed).orElseThrow().state()).isEqualTo(notClaimedBefore);
        assertThat(memory.find(CAMPAIGN, NOT_IN_THE_CAMPAIGN)).isEmpty();
        assertThat(memory.lapsedClaims(CAMPAIGN, NOW.plusSeconds(60))).extracting(QueuedCustomer::customerId)
                .as("the renewed leases no longer lapse a minute on").containsExactly(lapsed);
    }

    private static long claimed(InMemoryCustomerStore store, String number, Instant leaseUntil) {
        long customer = store.add(CAMPAIGN, number, NOW.minusSeconds(60));
        store.apply(CAMPAIGN, customer, new CustomerInput.Claimed(leaseUntil), NOW.minusSeconds(60));
        return customer;
    }

    private static Optional<Instant> leaseOf(InMemoryCustomerStore store, long customer) {
        return store.find(CAMPAIGN, customer).orElseThrow().state().claim().map(Claim::leaseUntil);
    }

    /** The in-memory store seen through the port's defaults only: {@code updateEach} loops over {@code update}. */
    private record OneByOne(InMemoryCustomerStore store) implements CustomerStore {

        @Override
        public List<QueuedCustomer> claimNext(long campaignId, Recipient recipient, int max, Instant now, Instant leaseUntil) {
            return store.claimNext(campaignId, recipient, max, now, leaseUntil);
        }

        @Override
        public Optional<QueuedCustomer> find(long campaignId, long customerId) {
            return store.find(campaignId, customerId);
        }

        @Override
        public boolean record(long campaignId, long customerId, CustomerState expected, Transition.Applied transition) {
            return store.record(campaignId, customerId, expected, transition);
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
}
