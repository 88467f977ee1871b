package dev.outdial.engine.customer;

import static dev.outdial.engine.fixtures.Seeds.forEachSeed;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random walks through the state machine, with inputs in any order, as racing agents, leases and
 * late telephony events may deliver them: whatever arrives, the rules of SPEC §4.3 hold.
 */
class CustomerLifecyclePropertiesTest {

    static final Instant START = Instant.parse("2025-03-03T09:00:00Z");
    static final List<AgentId> AGENTS = List.of(AgentId.of("alice"), AgentId.of("bob"));

    @Test
    void rulesHoldWhateverArrivesInWhateverOrder() {
        forEachSeed(300, random -> walk(random, 200, EnumSet.noneOf(CustomerStatus.class)));
    }

    @Test
    void everyStatusIsReachedByRandomWalks() {
        Set<CustomerStatus> seen = EnumSet.noneOf(CustomerStatus.class);
        forEachSeed(300, random -> walk(random, 200, seen));

        assertThat(seen).containsExactlyInAnyOrder(CustomerStatus.values());
    }

    private static void walk(Random random, int steps, Set<CustomerStatus> seen) {
        CampaignRules rules = randomRules(random);
        CustomerState customer = CustomerState.fresh();
        Instant now = START;
        int dials = 0;
        for (int step = 0; step < steps; step++) {
            now = now.plus(Duration.ofMinutes(random.nextInt(90)));
            CustomerInput input = randomInput(random, now);
            Transition transition = CustomerLifecycle.apply(customer, input, rules, now);
            String context = "step " + step + ", " + input + " on " + customer;

            switch (transition) {
                case Transition.Rejected rejected -> {
                    assertThat(rejected.state()).as("a rejection changes nothing: " + context).isSameAs(customer);
                    assertThat(rejected.reason()).as(context).isNotBlank();
                }
                case Transition.Applied applied when input instanceof CustomerInput.Dialed -> {
                    assertThat(customer.isOnCall()).as("never on two calls at once: " + context).isFalse();
                    assertThat(MaxCallsPolicy.allowsAnotherCall(customer, rules))
                            .as("never dialed past maximum calls: " + context).isTrue();
                    dials++;
                }
                case Transition.Applied applied -> { }
            }
            customer = transition.state();
            seen.add(customer.status());
            assertInvariants(customer, rules, dials, context);
        }
    }

    private static void assertInvariants(CustomerState customer, CampaignRules rules, int dials, String context) {
        assertThat(customer.cycleAttempts()).as(context).isLessThanOrEqualTo(rules.maxCallsPerCustomer());
        assertThat(customer.totalAttempts()).as("every dial is counted: " + context).isEqualTo(dials);
        assertThat(customer.businessErrors()).as(context).isLessThanOrEqualTo(rules.errorRetryLimit() + 1);
        switch (customer.progress()) {
            case MAX_ATTEMPTS -> assertThat(customer.cycleAttempts()).as(context).isEqualTo(rules.maxCallsPerCustomer());
            case CALLBACK -> {
                assertThat(customer.callbackOwner()).as(context).isPresent();
                assertThat(customer.callbackAppointment()).as(context).isPresent();
            }
            case SUCCESS, DO_NOT_CALL_BACK -> assertThat(customer.lastResult()).as(context).contains(CallResult.SUCCESS);
            case RETRY -> assertThat(customer.nextAttemptAt()).as(context).isPresent();
            default -> { }
        }
    }

    private static CampaignRules randomRules(Random random) {
        DialType dialType = DialType.values()[random.nextInt(DialType.values().length)];
        return CampaignRules.of(dialType, 1 + random.nextInt(5), Duration.ofMinutes(random.nextInt(60)), random.nextInt(3));
    }

    private static CustomerInput randomInput(Random random, Instant now) {
        return switch (random.nextInt(17)) {
            case 0, 1, 2 -> new CustomerInput.Claimed(now.plus(Duration.ofMinutes(random.nextInt(20) - 2)));
            case 3, 4 -> new CustomerInput.Dialed();
            case 5, 6, 7 -> new CustomerInput.CallEnded(CallResult.values()[random.nextInt(CallResult.values().length)]);
            case 8 -> new CustomerInput.Released();
            case 9 -> new CustomerInput.LeaseExpired();
            case 10 -> switch (random.nextInt(3)) {
                case 0 -> new CustomerInput.Done();
                case 1 -> new CustomerInput.CallbackAt(now.plus(Duration.ofMinutes(random.nextInt(600) - 30)),
                        AGENTS.get(random.nextInt(AGENTS.size())));
                default -> new CustomerInput.DoNotCallBack();
            };
            case 11 -> random.nextBoolean() ? new CustomerInput.Paused() : new CustomerInput.Started();
            case 12 -> new CustomerInput.Started();
            case 13 -> random.nextBoolean() ? new CustomerInput.Blacklisted() : new CustomerInput.Unblacklisted();
            case 14 -> random.nextBoolean() ? new CustomerInput.DncRegistered() : new CustomerInput.DncRemoved();
            case 15 -> new CustomerInput.LeaseRenewed(now.plus(Duration.ofMinutes(random.nextInt(20) - 2)));
            default -> new CustomerInput.Unblacklisted();
        };
    }
}
