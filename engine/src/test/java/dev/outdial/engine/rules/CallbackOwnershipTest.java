package dev.outdial.engine.rules;

import static dev.outdial.engine.fixtures.CustomerBuilder.aCustomerWithCallback;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CampaignRules;
import dev.outdial.engine.customer.CustomerState;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallbackOwnershipTest {

    static final Instant APPOINTMENT = Instant.parse("2025-03-03T14:00:00Z");
    static final AgentId ALICE = AgentId.of("alice");
    static final AgentId BOB = AgentId.of("bob");

    CallbackOwnership ownership = new CallbackOwnership(CampaignRules.CALLBACK_OWNER_GRACE);
    CustomerState alicesCallback = aCustomerWithCallback(ALICE, APPOINTMENT).build();

    @Test
    void callbackReturnsToTheAgentWhoSetIt() {
        assertThat(ownership.mayReceive(alicesCallback, Recipient.agent(ALICE, Set.of(ALICE)), APPOINTMENT)).isTrue();
        assertThat(ownership.isOwnedBy(alicesCallback, Recipient.agent(ALICE, Set.of(ALICE)))).isTrue();
    }

    @Test
    void anotherAgentWaitsFifteenMinutesForTheOwner() {
        Recipient bob = Recipient.agent(BOB, Set.of(BOB));

        assertThat(ownership.mayReceive(alicesCallback, bob, APPOINTMENT.plus(Duration.ofMinutes(14)))).isFalse();
        assertThat(ownership.mayReceive(alicesCallback, bob, APPOINTMENT.plus(Duration.ofMinutes(15)))).isTrue();
    }

    @Test
    void callbackStaysWithItsOwnerWhoLoggedInWithinTheGrace() {
        Recipient bobWhileAliceIsIn = Recipient.agent(BOB, Set.of(ALICE, BOB));

        assertThat(ownership.mayReceive(alicesCallback, bobWhileAliceIsIn, APPOINTMENT.plus(Duration.ofHours(1)))).isFalse();
    }

    @Test
    void poolReceivesACallbackOnlyOnceItIsReleased() {
        assertThat(ownership.mayReceive(alicesCallback, Recipient.pool(Set.of(BOB)), APPOINTMENT)).isFalse();
        assertThat(ownership.mayReceive(alicesCallback, Recipient.pool(Set.of(BOB)), APPOINTMENT.plus(Duration.ofMinutes(20)))).isTrue();
    }
}
