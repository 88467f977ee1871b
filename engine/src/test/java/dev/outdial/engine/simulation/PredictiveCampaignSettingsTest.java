package dev.outdial.engine.simulation;

import static dev.outdial.engine.fixtures.CampaignSettingsBuilder.aPredictiveCampaign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outdial.engine.call.CampaignSettings;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.pacing.DialStrategies;
import dev.outdial.engine.pacing.DialStrategy;
import dev.outdial.engine.pacing.PredictiveStrategy;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.CallRecord;
import dev.outdial.engine.port.ForwardingTelephony;
import dev.outdial.engine.port.Telephony;
import dev.outdial.engine.sim.AgentBehaviour;
import dev.outdial.engine.sim.CarrierModel;
import dev.outdial.engine.sim.CarrierOutcome;
import dev.outdial.engine.sim.NumberRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A predictive campaign as the server hands it over: its own settings choose the strategy and the waiting music. */
class PredictiveCampaignSettingsTest {

    static final Instant NINE = Instant.parse("2025-03-03T09:00:00Z");
    static final Telephony.Prompt HOLD_MUSIC = new Telephony.Prompt.AudioFile("/api/v1/audio/7/content");

    @Test
    void aPredictiveCampaignIsPacedByThePredictiveStrategyWithItsOwnMaximumWait() {
        CampaignSettings settings = aPredictiveCampaign(1).predictive(0.02, Duration.ofSeconds(12), Optional.empty()).build();

        DialStrategy strategy = DialStrategies.of(settings);

        assertThat(strategy).isInstanceOf(PredictiveStrategy.class);
        assertThat(strategy.maxWait()).contains(Duration.ofSeconds(12));
    }

    @Test
    void aPredictiveCampaignWithoutItsOwnSettingsIsRefused() {
        assertThatThrownBy(() -> DialStrategies.of(aPredictiveCampaign(1).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maximum wait");
    }

    @Test
    void anAnsweredCustomerHearsTheWaitingMusicUntilNobodyTakesThemWithinTheMaximumWait() {
        Simulation sim = new Simulation(8, CarrierModel.typical().withRules(new NumberRules(Map.of("1", CarrierOutcome.ANSWER))), 10);
        sim.campaign(aPredictiveCampaign(1).predictive(0.05, Duration.ofSeconds(20), Optional.of(HOLD_MUSIC)).build())
                .start();
        long customer = sim.customer(1, "+84900000001");
        sim.person("alice", 1);

        Instant at = NINE;
        while (sim.callsTo(customer).isEmpty() || sim.callsTo(customer).getFirst().answeredAt().isEmpty()) {
            at = at.plusSeconds(1);
            sim.runUntil(at);
            assertThat(at).as("the customer answers within minutes").isBefore(NINE.plus(Duration.ofMinutes(10)));
        }
        CallRecord waiting = sim.callsTo(customer).getFirst();
        assertThat(sim.carrier.playingOn(waiting.id())).contains(HOLD_MUSIC);

        sim.runUntil(at.plus(Duration.ofMinutes(1)));

        List<CallRecord> calls = sim.callsTo(customer);
        assertThat(calls.getFirst().result()).contains(CallResult.ABANDONED);
        assertThat(sim.carrier.playingOn(waiting.id())).isEmpty();
    }

    @Test
    void aCustomerPutThroughToAnAgentIsGivenTheWaitingMusicToHearOnHold() {
        List<String> held = new ArrayList<>();
        CarrierModel answering = CarrierModel.typical().withRules(new NumberRules(Map.of("1", CarrierOutcome.ANSWER)));
        Simulation sim = new Simulation(8, answering, 10, carrier -> new ForwardingTelephony(carrier) {
                    @Override
                    public void holdMusic(CallId leg, Telephony.Prompt music) {
                        held.add(leg.value() + " " + music);
                        super.holdMusic(leg, music);
                    }
                });
        sim.campaign(aPredictiveCampaign(1).predictive(0.05, Duration.ofSeconds(20), Optional.of(HOLD_MUSIC)).build())
                .start();
        long customer = sim.customer(1, "+84900000001");
        sim.bot("alice", 1, AgentBehaviour.typical());

        sim.runUntil(NINE.plus(Duration.ofMinutes(30)));

        CallRecord taken = sim.callsTo(customer).getFirst();
        assertThat(taken.connectedAt()).isPresent();
        assertThat(held).containsExactly(taken.id().value() + " " + HOLD_MUSIC);
    }
}
