package dev.outdial.engine.rules;

import static dev.outdial.engine.fixtures.CampaignRulesBuilder.aProgressiveCampaign;
import static dev.outdial.engine.fixtures.CustomerBuilder.aCustomerIn;
import static dev.outdial.engine.fixtures.CustomerBuilder.aCustomerSuppressedUntil;
import static dev.outdial.engine.fixtures.CustomerBuilder.aCustomerToRetry;
import static dev.outdial.engine.fixtures.CustomerBuilder.aCustomerWithBusinessSideErrors;
import static dev.outdial.engine.fixtures.CustomerBuilder.aCustomerWithCallback;
import static dev.outdial.engine.fixtures.CustomerBuilder.aNewCustomer;
import static dev.outdial.engine.fixtures.Seeds.forEachSeed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.customer.CampaignRules;
import dev.outdial.engine.customer.CustomerState;
import dev.outdial.engine.customer.CustomerStatus;
import dev.outdial.engine.customer.Hold;
import dev.outdial.engine.fixtures.CustomerBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DialingOrderTest {

    static final Instant NOW = Instant.parse("2025-03-03T10:00:00Z");
    static final Instant ADDED = Instant.parse("2025-03-01T08:00:00Z");
    static final AgentId ALICE = AgentId.of("alice");
    static final AgentId BOB = AgentId.of("bob");

    CampaignRules rules = aProgressiveCampaign().maxCalls(3).build();
    DialingOrder order = new DialingOrder(rules);
    Recipient alice = Recipient.agent(ALICE, Set.of(ALICE, BOB));

    List<QueuedCustomer> customers = new ArrayList<>();

    QueuedCustomer given(long id, CustomerBuilder customer) {
        return given(id, ADDED, customer.build());
    }

    QueuedCustomer given(long id, Instant addedAt, CustomerState state) {
        QueuedCustomer queued = new QueuedCustomer(id, "+8428000000" + id, addedAt, state);
        customers.add(queued);
        return queued;
    }

    List<Long> eligibleIdsFor(Recipient recipient) {
        return order.eligibleInOrder(customers, recipient, NOW).stream().map(QueuedCustomer::customerId).toList();
    }

    @Test
    void dueCallbacksComeFirstThenDueRetriesThenNewCustomersThenErrorRetries() {
        given(1, aCustomerWithBusinessSideErrors(1, NOW.minusSeconds(60)));
        given(2, aNewCustomer());
        given(3, aCustomerToRetry(NOW.minusSeconds(60)));
        given(4, aCustomerWithCallback(BOB, NOW.minus(Duration.ofMinutes(30))).callbackOwner(AgentId.of("carol")));
        given(5, aCustomerWithCallback(ALICE, NOW.minusSeconds(60)));

        assertThat(eligibleIdsFor(alice)).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(order.tierOf(customers.get(4).state(), alice, NOW)).contains(DialingOrder.Tier.OWN_CALLBACK);
    }

    @Test
    void newCustomersAreServedInTheOrderAdded() {
        given(30, ADDED.plusSeconds(2), aNewCustomer().build());
        given(10, ADDED, aNewCustomer().build());
        given(21, ADDED.plusSeconds(1), aNewCustomer().build());
        given(20, ADDED.plusSeconds(1), aNewCustomer().build());

        assertThat(eligibleIdsFor(alice)).containsExactly(10L, 20L, 21L, 30L);
    }

    @Test
    void retriesAreServedInTheOrderTheyFellDue() {
        given(1, aCustomerToRetry(NOW.minusSeconds(10)));
        given(2, aCustomerToRetry(NOW.minusSeconds(3600)));
        given(3, aCustomerSuppressedUntil(NOW.minusSeconds(600)));

        assertThat(eligibleIdsFor(alice)).containsExactly(2L, 3L, 1L);
    }

    @Test
    void customersNotDueOrFinishedOrHeldOrClaimedAreNotEligible() {
        given(1, aCustomerToRetry(NOW.plusSeconds(1)));
        given(2, aCustomerWithCallback(ALICE, NOW.plusSeconds(1)));
        given(3, aCustomerIn(CustomerStatus.SUCCESS).lastResult(CallResult.SUCCESS));
        given(4, aCustomerIn(CustomerStatus.MAX_ATTEMPTS).afterUnansweredAttempts(3));
        given(5, aCustomerIn(CustomerStatus.ERROR).lastResult(CallResult.INVALID_NUMBER));
        given(6, aCustomerWithBusinessSideErrors(4, NOW));
        given(7, aCustomerSuppressedUntil(NOW.plusSeconds(1)));
        given(8, aCustomerIn(CustomerStatus.DO_NOT_CALL_BACK).lastResult(CallResult.SUCCESS));
        given(9, aNewCustomer().held(Hold.PAUSE));
        given(10, aNewCustomer().held(Hold.BLACKLIST));
        given(11, aNewCustomer().held(Hold.DNC_REGISTRY));
        given(12, aNewCustomer().claimedUntil(NOW.plusSeconds(60)));
        given(13, aCustomerToRetry(NOW).afterUnansweredAttempts(3));

        assertThat(eligibleIdsFor(alice)).isEmpty();
    }

    @Test
    void anotherAgentsCallbackIsNotEligibleWithinItsGrace() {
        given(1, aCustomerWithCallback(BOB, NOW.minus(Duration.ofMinutes(5))));
        given(2, aNewCustomer());

        assertThat(eligibleIdsFor(alice)).containsExactly(2L);
        assertThat(eligibleIdsFor(Recipient.agent(BOB, Set.of(BOB)))).containsExactly(1L, 2L);
    }

    @Test
    void customerAnAgentSkippedIsNotOfferedToThemAgainButToOthers() {
        given(1, aNewCustomer());
        given(2, aNewCustomer());

        assertThat(eligibleIdsFor(alice.declining(Set.of(1L)))).containsExactly(2L);
        assertThat(eligibleIdsFor(Recipient.agent(BOB, Set.of(ALICE, BOB)))).containsExactly(1L, 2L);
    }

    @Test
    void orderIsTheSameWhateverOrderTheStoreListsCustomersIn() {
        given(1, aCustomerWithBusinessSideErrors(2, NOW.minusSeconds(5)));
        given(2, aNewCustomer());
        given(3, ADDED.plusSeconds(1), aNewCustomer().build());
        given(4, aCustomerToRetry(NOW.minusSeconds(5)));
        given(5, aCustomerToRetry(NOW.minusSeconds(50)));
        given(6, aCustomerWithCallback(ALICE, NOW.minusSeconds(60)));
        given(7, aCustomerWithCallback(BOB, NOW.minus(Duration.ofHours(1))));
        given(8, aCustomerSuppressedUntil(NOW.minusSeconds(20)));
        Recipient aliceWithoutBob = Recipient.agent(ALICE, Set.of(ALICE));
        List<Long> expected = List.of(6L, 7L, 5L, 8L, 4L, 2L, 3L, 1L);

        forEachSeed(50, random -> {
            List<QueuedCustomer> shuffled = new ArrayList<>(customers);
            Collections.shuffle(shuffled, random);

            List<Long> ids = order.eligibleInOrder(shuffled, aliceWithoutBob, NOW).stream().map(QueuedCustomer::customerId).toList();

            assertThat(ids).isEqualTo(expected);
            assertThat(order.firstEligible(shuffled, aliceWithoutBob, NOW)).map(QueuedCustomer::customerId)
                    .contains(expected.getFirst());
        });
    }

    @Test
    void theFirstEligibleSkipsTheDeclinedAndTheIneligible() {
        given(1, aNewCustomer());
        given(2, aCustomerWithCallback(BOB, NOW.minusSeconds(60)));
        given(3, aCustomerToRetry(NOW.plusSeconds(60)));

        assertThat(order.firstEligible(customers, alice.declining(Set.of(1L)), NOW)).isEmpty();
        assertThat(order.firstEligible(customers, alice, NOW)).map(QueuedCustomer::customerId).contains(1L);
    }
}
