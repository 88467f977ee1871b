package dev.outdial.engine.simulation;

import static dev.outdial.engine.fixtures.CampaignSettingsBuilder.aProgressiveCampaign;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.customer.CustomerInput;
import dev.outdial.engine.customer.CustomerStatus;
import dev.outdial.engine.port.CallDisposition;
import dev.outdial.engine.port.CallRecord;
import dev.outdial.engine.sim.AgentBehaviour;
import dev.outdial.engine.sim.CarrierModel;
import dev.outdial.engine.sim.CarrierOutcome;
import dev.outdial.engine.sim.NumberRules;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallbackAndSuppressionSimulationTest {

    static final Instant NINE = Instant.parse("2025-03-03T09:00:00Z");
    static final CarrierModel EVERYONE_ANSWERS = CarrierModel.typical().withRules(new NumberRules(Map.of("0", CarrierOutcome.ANSWER,
            "1", CarrierOutcome.ANSWER, "2", CarrierOutcome.ANSWER, "3", CarrierOutcome.ANSWER, "4", CarrierOutcome.ANSWER,
            "5", CarrierOutcome.ANSWER, "6", CarrierOutcome.ANSWER, "7", CarrierOutcome.ANSWER, "8", CarrierOutcome.ANSWER,
            "9", CarrierOutcome.ANSWER)));

    Simulation sim = new Simulation(41, EVERYONE_ANSWERS, 10);

    @Test
    void callbackReturnsToTheAgentWhoSetItAtItsTime() {
        sim.campaign(aProgressiveCampaign(1).build()).start();
        long customer = sim.customers(1, 1).getFirst();
        AgentBehaviour callsBackInTwoHours = AgentBehaviour.typical().classifying((agent, call, now, random) ->
                new CallDisposition("Call back", sim.callsTo(call.customerId()).size() == 1
                        ? new CustomerInput.CallbackAt(NINE.plus(Duration.ofHours(2)), agent) : new CustomerInput.Done(), Map.of()));
        for (String name : List.of("alice", "bob", "carol")) {
            sim.bot(name, 1, callsBackInTwoHours);
        }

        sim.runUntil(NINE.plus(Duration.ofHours(1)));
        assertThat(sim.state(1, customer).status()).isEqualTo(CustomerStatus.CALLBACK);

        sim.runUntil(NINE.plus(Duration.ofHours(4)));

        List<CallRecord> calls = sim.callsTo(customer);
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1).agent()).isEqualTo(calls.get(0).agent());
        assertThat(calls.get(1).dialingAt()).isEqualTo(NINE.plus(Duration.ofHours(2)));
    }

    @Test
    void doNotCallBackIsNotOfferedAgainWithinItsPeriod() {
        sim.campaign(aProgressiveCampaign(1).noCallbackDays(1).build()).start();
        long customer = sim.customers(1, 1).getFirst();
        sim.bot("alice", 1, AgentBehaviour.typical().classifying((agent, call, now, random) ->
                new CallDisposition("Not interested", new CustomerInput.DoNotCallBack(), Map.of())));

        sim.runUntil(NINE.plus(Duration.ofHours(8)));
        assertThat(sim.callsTo(customer)).hasSize(1);
        Instant until = sim.state(1, customer).doNotCallBackUntil().orElseThrow();

        sim.runUntil(NINE.plus(Duration.ofDays(1)).plus(Duration.ofHours(1)));

        assertThat(sim.callsTo(customer)).hasSize(2);
        assertThat(sim.callsTo(customer).get(1).dialingAt()).isAfterOrEqualTo(until);
    }
}
