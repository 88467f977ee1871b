package dev.outdial.engine.sim;

import static dev.outdial.engine.fixtures.Seeds.forEachSeed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.customer.CampaignRules;
import dev.outdial.engine.customer.CustomerInput;
import dev.outdial.engine.customer.CustomerLifecycle;
import dev.outdial.engine.customer.CustomerState;
import dev.outdial.engine.customer.DialType;
import dev.outdial.engine.customer.Transition;
import dev.outdial.engine.rules.QueuedCustomer;
import dev.outdial.engine.rules.Recipient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The store keeps each customer in one slot, the claimed ones also in a small map of their own, and
 * walks the claims for lapsed leases only once the earliest lease may have ended. Random walks of
 * claims, lease beats, call steps and time check it against a plain model: every customer's state as
 * the state machine left it, and the lapsed claims as every claimed customer's lease says.
 */
class InMemoryCustomerStoreTest {

    private static final long CAMPAIGN = 1;
    private static final Instant START = Instant.parse("2026-12-05T08:00:00Z");
    private static final AgentId AGENT = AgentId.of("alice");

    private int lapsedSeen;
    private int noneLapsedSeen;

    @Test
    void storesWhatTheStateMachineSaysAndFindsEveryLapsedClaim() {
        forEachSeed(40, random -> walk(random, 300));

        assertThat(lapsedSeen).as("walks in which claims lapsed").isPositive();
        assertThat(noneLapsedSeen).as("steps with every lease running").isPositive();
    }

    private void walk(Random random, int steps) {
        CampaignRules rules = CampaignRules.of(DialType.PREDICTIVE, 1 + random.nextInt(4), Duration.ZERO, 0);
        InMemoryCustomerStore store = new InMemoryCustomerStore();
        store.addCampaign(CAMPAIGN, rules);
        Map<Long, CustomerState> model = new HashMap<>();
        Instant now = START;
        for (int i = 0; i < 30; i++) {
            long id = store.add(CAMPAIGN, "+8491200%04d".formatted(i), START);
            model.put(id, CustomerState.fresh());
        }
        List<Long> ids = List.copyOf(model.keySet());
        for (int step = 0; step < steps; step++) {
            now = now.plusSeconds(random.nextInt(40));
            Instant leaseUntil = now.plusSeconds(random.nextInt(150) - 10);
            switch (random.nextInt(4)) {
                case 0 -> {
                    Recipient pool = Recipient.pool(Set.of(AGENT));
                    if (leaseUntil.isAfter(now)) {
                        store.claimNext(CAMPAIGN, pool, 1 + random.nextInt(3), now, leaseUntil)
                                .forEach(claimed -> model.put(claimed.customerId(), claimed.state()));
                    }
                }
                case 1 -> {
                    // A lease beat over some of the customers, claimed or not.
                    List<Long> held = new ArrayList<>();
                    ids.stream().filter(id -> random.nextInt(3) > 0).forEach(held::add);
                    CustomerInput renewal = new CustomerInput.LeaseRenewed(leaseUntil);
                    Instant at = now;
                    store.updateEach(CAMPAIGN, held, state -> CustomerLifecycle.apply(state, renewal, rules, at));
                    held.forEach(id -> model.computeIfPresent(id,
                            (ignored, state) -> CustomerLifecycle.apply(state, renewal, rules, at).state()));
                }
                default -> {
                    long id = ids.get(random.nextInt(ids.size()));
                    Transition transition = store.apply(CAMPAIGN, id, aCallStep(random), now);
                    if (transition instanceof Transition.Applied applied) {
                        model.put(id, applied.state());
                    }
                }
            }
            // Asked at a random time, and on either side of the earliest lease, where a bound kept wrong shows.
            assertLapsedClaims(store, model, now.plusSeconds(random.nextInt(60) - 20), step);
            Instant earliestLease = model.values().stream().flatMap(state -> state.claim().stream())
                    .map(claim -> claim.leaseUntil()).min(Instant::compareTo).orElse(now);
            assertLapsedClaims(store, model, earliestLease.minusMillis(1), step);
            assertLapsedClaims(store, model, earliestLease, step);
            for (long id : ids) {
                assertThat(store.find(CAMPAIGN, id).orElseThrow().state()).as("step %d, customer %d", step, id)
                        .isEqualTo(model.get(id));
            }
        }
    }

    private void assertLapsedClaims(InMemoryCustomerStore store, Map<Long, CustomerState> model, Instant asked, int step) {
        List<Long> lapsed = model.entrySet().stream()
                .filter(entry -> entry.getValue().claim().filter(claim -> !claim.leaseUntil().isAfter(asked)).isPresent())
                .map(Map.Entry::getKey).toList();
        assertThat(store.lapsedClaims(CAMPAIGN, asked)).extracting(QueuedCustomer::customerId)
                .as("step %d, lapsed claims at %s", step, asked).containsExactlyInAnyOrderElementsOf(lapsed);
        if (lapsed.isEmpty()) {
            noneLapsedSeen++;
        } else {
            lapsedSeen++;
        }
    }

    private static CustomerInput aCallStep(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> new CustomerInput.Dialed();
            case 1 -> new CustomerInput.CallEnded(random.nextBoolean() ? CallResult.NOANSWER : CallResult.SUCCESS);
            case 2 -> new CustomerInput.Released();
            case 3 -> new CustomerInput.LeaseExpired();
            default -> random.nextBoolean() ? new CustomerInput.Paused() : new CustomerInput.Started();
        };
    }
}
