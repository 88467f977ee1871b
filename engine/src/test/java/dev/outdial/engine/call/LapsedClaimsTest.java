package dev.outdial.engine.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.customer.CustomerInput;
import dev.outdial.engine.fixtures.CampaignSettingsBuilder;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.CallRecord;
import dev.outdial.engine.sim.InMemoryCallLog;
import dev.outdial.engine.sim.InMemoryCustomerStore;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a node that died leaves of a dial, by the step it died at: a line taken before the customer
 * was stored dialed was never placed and is given back; a call up is closed as NETWORK_ERROR.
 */
class LapsedClaimsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T03:00:00Z");
    private static final long CAMPAIGN = 1;

    private final CampaignSettings campaign = CampaignSettingsBuilder.aProgressiveCampaign(CAMPAIGN).build();
    private final InMemoryCustomerStore store = new InMemoryCustomerStore();
    private final InMemoryCallLog log = new InMemoryCallLog();

    @Test
    void aLineTakenByANodeThatDiedBeforeItsDialIsGivenBack() {
        long customer = claimedWithALine();

        int expired = new LapsedClaims(campaign, store, log).expire(NOW.plusSeconds(60), Set.of());

        assertThat(expired).isEqualTo(1);
        assertThat(log.openCallOf(CAMPAIGN, customer)).isEmpty();
        assertThat(log.calls()).as("nothing was placed, so nothing is recorded").isEmpty();
    }

    @Test
    void aCallUpWhenItsNodeDiedIsClosedAsANetworkError() {
        long customer = claimedWithALine();
        store.apply(CAMPAIGN, customer, new CustomerInput.Dialed(), NOW);

        new LapsedClaims(campaign, store, log).expire(NOW.plusSeconds(60), Set.of());

        assertThat(log.openCallOf(CAMPAIGN, customer)).isEmpty();
        assertThat(log.calls()).singleElement()
                .satisfies(call -> assertThat(call.result()).contains(CallResult.NETWORK_ERROR));
    }

    private long claimedWithALine() {
        store.addCampaign(CAMPAIGN, campaign.rules());
        long customer = store.add(CAMPAIGN, "+84912000001", NOW);
        store.apply(CAMPAIGN, customer, new CustomerInput.Claimed(NOW.plusSeconds(30)), NOW);
        log.openLine(CallRecord.dialing(new CallId("pending-1"), campaign.businessId(), CAMPAIGN, customer,
                "+84912000001", "+842800000000", Optional.empty(), NOW, NOW), 10);
        return customer;
    }
}
