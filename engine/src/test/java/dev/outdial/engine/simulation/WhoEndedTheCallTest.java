package dev.outdial.engine.simulation;

import static dev.outdial.engine.fixtures.CampaignSettingsBuilder.aManualCampaign;
import static dev.outdial.engine.fixtures.CampaignSettingsBuilder.aPredictiveCampaign;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.call.DialOutcome;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.pacing.CampaignRunner;
import dev.outdial.engine.pacing.PredictiveSettings;
import dev.outdial.engine.pacing.PredictiveStrategy;
import dev.outdial.engine.port.CallEnd;
import dev.outdial.engine.port.CallEvent;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.CallRecord;
import dev.outdial.engine.port.ForwardingTelephony;
import dev.outdial.engine.port.MachineDetection;
import dev.outdial.engine.port.Telephony;
import dev.outdial.engine.sim.AgentBehaviour;
import dev.outdial.engine.sim.AgentPhone;
import dev.outdial.engine.sim.CarrierModel;
import dev.outdial.engine.sim.CarrierOutcome;
import dev.outdial.engine.sim.Distribution;
import dev.outdial.engine.sim.NumberRules;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Who ended an answered call, as its record says: the customer, the agent, either's line, or the platform. */
class WhoEndedTheCallTest {

    static final Instant NINE = Instant.parse("2025-03-03T09:00:00Z");
    static final CarrierModel RULED = CarrierModel.typical().withRules(new NumberRules(Map.of(
            "1", CarrierOutcome.ANSWER, "2", CarrierOutcome.NOANSWER)));
    static final AgentPhone NO_PHONE = leg -> { };

    @Test
    void aCustomerWhoHangsUpEndedTheCall() {
        Simulation sim = new Simulation(17, RULED, 10);

        CallRecord call = dialedByAlice(sim, "+84900000001", NO_PHONE, placed -> { });

        assertThat(call.result()).contains(CallResult.SUCCESS);
        assertThat(call.howEnded()).contains(CallEnd.CUSTOMER_HUNG_UP);
    }

    @Test
    void aCallNeverAnsweredWasEndedByNobodyItsResultSaysWhy() {
        Simulation sim = new Simulation(17, RULED, 10);

        CallRecord call = dialedByAlice(sim, "+84900000002", NO_PHONE, placed -> { });

        assertThat(call.result()).contains(CallResult.NOANSWER);
        assertThat(call.howEnded()).isEmpty();
    }

    @Test
    void anAgentWhoHangsUpFromTheirPageEndedTheCall() {
        Simulation sim = new Simulation(17, RULED, 10);

        CallRecord call = dialedByAlice(sim, "+84900000001", NO_PHONE, placed -> whenConnected(sim, placed,
                () -> sim.campaignRunner(1).hangUp(placed)));

        assertThat(call.result()).contains(CallResult.SUCCESS);
        assertThat(call.howEnded()).contains(CallEnd.AGENT_HUNG_UP);
    }

    @Test
    void anAgentWhoHangsUpTheirPhoneEndedTheCall() {
        Simulation sip = new Simulation(17, RULED, 10, PhonesOfTheirOwn::new);

        CallRecord call = dialedByAlice(sip, "+84900000001", answersThenHangsUp(sip), placed -> { });

        assertThat(call.connectedAt()).isPresent();
        assertThat(call.howEnded()).contains(CallEnd.AGENT_HUNG_UP);
    }

    @Test
    void anAgentsPhoneThatIsNotAnsweredLeavesTheCallToThePlatformToEnd() {
        Simulation sip = new Simulation(17, RULED, 10, PhonesOfTheirOwn::new);

        CallRecord call = dialedByAlice(sip, "+84900000001", leg -> { }, placed -> { });

        assertThat(call.result()).contains(CallResult.AGENT_TIMEOUT);
        assertThat(call.howEnded()).contains(CallEnd.PLATFORM_HUNG_UP);
    }

    @Test
    void aCustomerTheNetworkLostWasLostNotHungUp() {
        Simulation sim = new Simulation(17, RULED, 10, carrier -> new LinesLost(carrier, true, false));

        CallRecord call = dialedByAlice(sim, "+84900000001", NO_PHONE, placed -> { });

        assertThat(call.result()).contains(CallResult.SUCCESS);
        assertThat(call.howEnded()).contains(CallEnd.CUSTOMER_LINE_LOST);
    }

    @Test
    void anAgentsPhoneTheNetworkLostTookTheCallDownAsTheAgentsLineLost() {
        Simulation sip = new Simulation(17, RULED, 10,
                carrier -> new LinesLost(new PhonesOfTheirOwn(carrier), false, true));

        CallRecord call = dialedByAlice(sip, "+84900000001", answersThenHangsUp(sip), placed -> { });

        assertThat(call.howEnded()).contains(CallEnd.AGENT_LINE_LOST);
    }

    @Test
    void anAbandonedCustomerEitherHungUpBeforeTheMaximumWaitOrWasHungUpByThePlatformAtIt() {
        Duration maxWait = Duration.ofSeconds(15);
        // Customers who wait 5 to 25 s, on a campaign allowed to abandon one in ten: some give up before the maximum
        // wait, some are given up on at it.
        Simulation sim = new Simulation(5, CarrierModel.typical()
                .withPatience(Distribution.uniform(Duration.ofSeconds(5), Duration.ofSeconds(25))), 100);
        sim.campaign(aPredictiveCampaign(1).maxCalls(3).retryGap(Duration.ofMinutes(20)).wrapUp(Duration.ZERO).build(),
                new PredictiveStrategy(new PredictiveSettings(0.10, maxWait))).start();
        sim.customers(1, 3_000);
        sim.bots("agent", 10, 1, AgentBehaviour.typical().answeringAtOnce());

        sim.runUntil(NINE.plus(Duration.ofHours(4)));

        List<CallRecord> abandoned = sim.calls.calls().stream()
                .filter(call -> call.result().filter(CallResult.ABANDONED::equals).isPresent()).toList();
        assertThat(abandoned).extracting(call -> call.howEnded().orElseThrow())
                .contains(CallEnd.CUSTOMER_HUNG_UP, CallEnd.PLATFORM_HUNG_UP)
                .containsOnly(CallEnd.CUSTOMER_HUNG_UP, CallEnd.PLATFORM_HUNG_UP);
        assertThat(abandoned).allSatisfy(call -> {
            Duration waited = Duration.between(call.answeredAt().orElseThrow(), call.endedAt().orElseThrow());
            if (call.howEnded().orElseThrow() == CallEnd.PLATFORM_HUNG_UP) {
                assertThat(waited).isGreaterThanOrEqualTo(maxWait);
            } else {
                assertThat(waited).isLessThan(maxWait);
            }
        });
    }

    /**
     * Alice dials {@code number} on a manual campaign, her phone (where agents have their own) doing as {@code phone}
     * says, and {@code placed} told the call; the call, half an hour later.
     */
    private static CallRecord dialedByAlice(Simulation sim, String number, AgentPhone phone, Consumer<CallId> placed) {
        CampaignRunner manual = sim.campaign(aManualCampaign(1).build());
        manual.start();
        long customer = sim.customer(1, number);
        AgentId alice = sim.person("alice", 1);
        sim.carrier.connectPhone(alice, phone);
        sim.runUntil(NINE);
        manual.next(alice);

        CallId call = ((DialOutcome.Placed) manual.dial(alice, customer)).call();
        placed.accept(call);
        sim.runFor(Duration.ofMinutes(30));

        return sim.calls.call(call).orElseThrow();
    }

    /** An agent's phone that answers a second after it rings and hangs up five seconds later. */
    private static AgentPhone answersThenHangsUp(Simulation sim) {
        return leg -> sim.scheduler.after(Duration.ofSeconds(1), () -> {
            sim.carrier.answer(leg);
            sim.scheduler.after(Duration.ofSeconds(5), () -> sim.carrier.hangUpByCalledParty(leg));
        });
    }

    /** Runs {@code then} the moment the call is connected to its agent. */
    private static void whenConnected(Simulation sim, CallId call, Runnable then) {
        sim.scheduler.after(Duration.ofSeconds(1), () -> {
            if (sim.calls.call(call).flatMap(CallRecord::connectedAt).isPresent()) {
                then.run();
            } else {
                whenConnected(sim, call, then);
            }
        });
    }

    /** A network that loses the customers' or the agents' lines: a far end's end is told as a line lost. */
    private static final class LinesLost extends ForwardingTelephony {

        private final boolean customers;
        private final boolean agents;

        LinesLost(Telephony carrier, boolean customers, boolean agents) {
            super(carrier);
            this.customers = customers;
            this.agents = agents;
        }

        @Override
        public void place(CallId call, String from, String to, Duration ringTimeout, MachineDetection detection,
                          Consumer<CallEvent> listener) {
            super.place(call, from, to, ringTimeout, detection, customers ? lost(listener) : listener);
        }

        @Override
        public CallId ringAgent(AgentId agent, Duration answerTimeout, Consumer<CallEvent> listener) {
            return super.ringAgent(agent, answerTimeout, agents ? lost(listener) : listener);
        }

        private static Consumer<CallEvent> lost(Consumer<CallEvent> listener) {
            return event -> listener.accept(event instanceof CallEvent.HungUp(CallId leg, CallEvent.HungUp.Cause cause)
                    && cause == CallEvent.HungUp.Cause.FAR_END ? new CallEvent.HungUp(leg, CallEvent.HungUp.Cause.LINE_LOST)
                    : event);
        }
    }
}
