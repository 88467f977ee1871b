package dev.outdial.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.port.CallEvent;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.MachineDetection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SimulatedCarrierTest {

    static final Instant NINE = Instant.parse("2025-03-03T09:00:00Z");
    static final String HOTLINE = "+842800000000";
    static final Duration RING_TIMEOUT = Duration.ofSeconds(30);

    VirtualScheduler scheduler = new VirtualScheduler(NINE);
    CarrierModel model = new CarrierModel(1.0, 0, 0, 0, 0,
            Distribution.constant(Duration.ofSeconds(5)), Duration.ofSeconds(25),
            Distribution.constant(Duration.ofSeconds(60)), Distribution.constant(Duration.ofSeconds(1)),
            new NumberRules(Map.of("0001", CarrierOutcome.BUSY, "0002", CarrierOutcome.NOANSWER,
                    "0009", CarrierOutcome.MACHINE)));
    SimulatedCarrier carrier = new SimulatedCarrier(scheduler, model, new Random(1));
    List<String> heard = new ArrayList<>();

    void listen(CallEvent event) {
        heard.add(scheduler.now().getEpochSecond() - NINE.getEpochSecond() + "s " + event.getClass().getSimpleName()
                + (event instanceof CallEvent.Failed failed ? " " + failed.reason() : "")
                + (event instanceof CallEvent.Answered answered && answered.byMachine() ? " by a machine" : ""));
    }

    @Test
    void anAnsweringMachineIsToldOnlyWhereTheCallListensForOne() {
        carrier.place(new CallId("listening"), HOTLINE, "+84280000009", RING_TIMEOUT, MachineDetection.ON,
                this::listen);
        carrier.place(new CallId("not listening"), HOTLINE, "+84280000009", RING_TIMEOUT, this::listen);

        scheduler.runFor(Duration.ofSeconds(10));

        assertThat(heard).containsExactly("1s Ringing", "1s Ringing", "6s Answered by a machine", "6s Answered");
    }

    @Test
    void answeredCustomerRingsAnswersTalksAndHangsUp() {
        carrier.place(new CallId("customer"), HOTLINE, "+84280000003", RING_TIMEOUT, this::listen);

        scheduler.runFor(Duration.ofMinutes(5));

        assertThat(heard).containsExactly("1s Ringing", "6s Answered", "66s HungUp");
        assertThat(carrier.openLegs()).isZero();
    }

    @Test
    void perNumberRulesFixTheOutcome() {
        carrier.place(new CallId("first"), HOTLINE, "+84280000001", RING_TIMEOUT, this::listen);
        carrier.place(new CallId("second"), HOTLINE, "+84280000002", RING_TIMEOUT, this::listen);

        scheduler.runFor(Duration.ofMinutes(5));

        assertThat(heard).containsExactly("1s Failed BUSY", "1s Ringing", "26s Failed NOANSWER");
    }

    @Test
    void theEnginesRingTimeoutCutsALongRing() {
        carrier.place(new CallId("customer"), HOTLINE, "+84280000002", Duration.ofSeconds(10), this::listen);

        scheduler.runFor(Duration.ofMinutes(1));

        assertThat(heard).containsExactly("1s Ringing", "11s Failed NOANSWER");
    }

    @Test
    void agentLegRingsOnTheAgentsPhoneUntilAnswered() {
        AgentId alice = AgentId.of("alice");
        carrier.connectPhone(alice, leg -> scheduler.after(Duration.ofSeconds(3), () -> carrier.answer(leg)));

        carrier.ringAgent(alice, Duration.ofSeconds(30), this::listen);
        scheduler.runFor(Duration.ofMinutes(1));

        assertThat(heard).containsExactly("0s Ringing", "3s Answered");
    }

    @Test
    void unansweredAgentLegTimesOut() {
        carrier.ringAgent(AgentId.of("bob"), Duration.ofSeconds(30), this::listen);

        scheduler.runFor(Duration.ofMinutes(1));

        assertThat(heard).containsExactly("0s Ringing", "30s Failed NOANSWER");
    }

    @Test
    void theAgentsPhoneIsToldWhenAnUnansweredLegStopsRinging() {
        AgentId carol = AgentId.of("carol");
        List<String> phone = new ArrayList<>();
        carrier.connectPhone(carol, new AgentPhone() {
            @Override
            public void ringing(CallId leg) {
                phone.add("ringing");
            }

            @Override
            public void stoppedRinging(CallId leg) {
                phone.add("stopped at " + (scheduler.now().getEpochSecond() - NINE.getEpochSecond()) + "s");
            }
        });

        CallId timedOut = carrier.ringAgent(carol, Duration.ofSeconds(30), this::listen);
        scheduler.runFor(Duration.ofSeconds(1));
        assertThat(carrier.isRinging(timedOut)).isTrue();
        scheduler.runFor(Duration.ofMinutes(1));
        CallId hungUp = carrier.ringAgent(carol, Duration.ofSeconds(30), this::listen);
        scheduler.runFor(Duration.ofSeconds(5));
        carrier.hangUp(hungUp);

        assertThat(phone).containsExactly("ringing", "stopped at 30s", "ringing", "stopped at 66s");
        assertThat(carrier.isRinging(timedOut)).isFalse();
        carrier.answer(timedOut);
        assertThat(heard).containsExactly("0s Ringing", "30s Failed NOANSWER", "61s Ringing", "66s Failed NOANSWER");
    }

    @Test
    void legTheEngineHangsUpStillGetsItsOneTerminalEvent() {
        CallId call = new CallId("call");
        carrier.place(call, HOTLINE, "+84280000003", RING_TIMEOUT, this::listen);
        scheduler.runFor(Duration.ofSeconds(10));

        carrier.hangUp(call);
        carrier.hangUp(call);
        scheduler.runFor(Duration.ofMinutes(5));

        assertThat(heard).containsExactly("1s Ringing", "6s Answered", "10s HungUp");
    }

    @Test
    void aCallGoesByTheNameTheEngineGaveItWhichIsPlacedOnce() {
        CallId call = new CallId("the engine's name");
        List<CallId> named = new ArrayList<>();
        carrier.place(call, HOTLINE, "+84280000003", RING_TIMEOUT, event -> named.add(event.call()));

        assertThatThrownBy(() -> carrier.place(call, HOTLINE, "+84280000001", RING_TIMEOUT, this::listen))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("placed already");
        scheduler.runFor(Duration.ofMinutes(1));
        assertThat(named).as("its events").isNotEmpty().containsOnly(call);
        assertThat(heard).as("the second placing dialed nothing").isEmpty();
    }

    @Test
    void sameSeedSameCalls() {
        assertThat(drawnOutcomes(42)).isEqualTo(drawnOutcomes(42));
    }

    private List<CallResult> drawnOutcomes(long seed) {
        VirtualScheduler time = new VirtualScheduler(NINE);
        SimulatedCarrier typical = new SimulatedCarrier(time, CarrierModel.typical(), new Random(seed));
        List<CallResult> results = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            typical.place(new CallId("call-" + i), HOTLINE, "+8428000" + (1000 + i), RING_TIMEOUT, event -> {
                switch (event) {
                    case CallEvent.Failed failed -> results.add(failed.reason());
                    case CallEvent.HungUp ignored -> results.add(CallResult.SUCCESS);
                    default -> { }
                }
            });
        }
        time.runFor(Duration.ofHours(1));
        return results;
    }
}
