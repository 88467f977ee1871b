package dev.outdial.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DueTierGateTest {

    private static final long CAMPAIGN = 7;
    private static final Instant NOW = Instant.parse("2026-12-04T09:00:00Z");

    private final DueTierGate gate = new DueTierGate();

    @Test
    void aCampaignWithNothingDueIsQuietUntilItsFirstDueTimeOrTheRecheck() {
        gate.learn(CAMPAIGN, gate.read(CAMPAIGN, NOW), NOW, Optional.of(NOW.plusMillis(400)));
        assertThat(gate.read(CAMPAIGN, NOW.plusMillis(399)).quiet()).isTrue();
        assertThat(gate.read(CAMPAIGN, NOW.plusMillis(400)).quiet()).as("the retry is due").isFalse();

        gate.learn(CAMPAIGN, gate.read(CAMPAIGN, NOW), NOW, Optional.empty());
        assertThat(gate.read(CAMPAIGN, NOW.plus(DueTierGate.RECHECK).minusMillis(1)).quiet()).isTrue();
        DueTierGate.Reading atRecheck = gate.read(CAMPAIGN, NOW.plus(DueTierGate.RECHECK));
        assertThat(atRecheck.quiet()).isFalse();
        assertThat(atRecheck.mayAsk()).isTrue();
    }

    @Test
    void aCustomerDueAlreadyKeepsTheTiersAskedWithoutAskingTheGateAgainUntilTheRecheck() {
        gate.learn(CAMPAIGN, gate.read(CAMPAIGN, NOW), NOW, Optional.of(NOW.minusSeconds(60)));

        DueTierGate.Reading reading = gate.read(CAMPAIGN, NOW.plusMillis(500));
        assertThat(reading.quiet()).isFalse();
        assertThat(reading.mayAsk()).isFalse();
        assertThat(gate.read(CAMPAIGN, NOW.plus(DueTierGate.RECHECK)).mayAsk()).isTrue();
    }

    @Test
    void aCustomerMadeDueSoonerOpensTheGateAndOutranksAClaimThatReadBeforeIt() {
        gate.learn(CAMPAIGN, gate.read(CAMPAIGN, NOW), NOW, Optional.empty());
        gate.due(CAMPAIGN, NOW.plusSeconds(30));
        assertThat(gate.read(CAMPAIGN, NOW).quiet()).as("due after the quiet time").isTrue();
        gate.due(CAMPAIGN, NOW);
        assertThat(gate.read(CAMPAIGN, NOW).quiet()).as("a callback for now").isFalse();

        DueTierGate.Reading before = gate.read(CAMPAIGN, NOW);
        gate.due(CAMPAIGN, NOW.plusSeconds(30));
        gate.learn(CAMPAIGN, before, NOW, Optional.empty());
        assertThat(gate.read(CAMPAIGN, NOW).quiet()).as("the claim read before a customer became due").isFalse();
    }
}
