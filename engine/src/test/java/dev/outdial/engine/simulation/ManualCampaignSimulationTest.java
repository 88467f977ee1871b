package dev.outdial.engine.simulation;

import static dev.outdial.engine.fixtures.CampaignSettingsBuilder.aManualCampaign;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.call.DialOutcome;
import dev.outdial.engine.call.DispositionOutcome;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.customer.CustomerInput;
import dev.outdial.engine.customer.CustomerStatus;
import dev.outdial.engine.pacing.CampaignRunner;
import dev.outdial.engine.pacing.NextCustomer;
import dev.outdial.engine.port.AgentUpdate;
import dev.outdial.engine.port.CallDisposition;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.CallRecord;
import dev.outdial.engine.rules.WeeklySchedule;
import dev.outdial.engine.sim.AgentBehaviour;
import dev.outdial.engine.sim.AgentPhone;
import dev.outdial.engine.sim.CarrierModel;
import dev.outdial.engine.sim.CarrierOutcome;
import dev.outdial.engine.sim.NumberRules;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManualCampaignSimulationTest {

    static final Instant NINE = Instant.parse("2025-03-03T09:00:00Z");
    static final CarrierModel RULED = CarrierModel.typical().withRules(new NumberRules(Map.of(
            "1", CarrierOutcome.ANSWER, "2", CarrierOutcome.NOANSWER)));

    Simulation sim = new Simulation(17, RULED, 10);

    @Test
    void getCustomerRefusesASecondCustomerUntilTheFirstIsProcessed() {
        CampaignRunner manual = sim.campaign(aManualCampaign(1).build());
        manual.start();
        long first = sim.customer(1, "+84900000001");
        sim.customer(1, "+84900000011");
        AgentId alice = sim.person("alice", 1);
        sim.runUntil(NINE);

        assertThat(manual.next(alice)).isEqualTo(new NextCustomer.Handed(sim.customers.find(1, first).orElseThrow()));
        assertThat(reasonOf(manual.next(alice))).isEqualTo(NextCustomer.Reason.PREVIOUS_NOT_PROCESSED);

        DialOutcome.Placed placed = (DialOutcome.Placed) manual.dial(alice, first);
        sim.runFor(Duration.ofMinutes(30));
        assertThat(sim.calls.call(placed.call()).orElseThrow().result()).contains(CallResult.SUCCESS);
        assertThat(reasonOf(manual.next(alice))).as("ended but not classified").isEqualTo(NextCustomer.Reason.PREVIOUS_NOT_PROCESSED);

        DispositionOutcome disposed = manual.dispose(placed.call(), new CallDisposition("Interested", new CustomerInput.Done(), Map.of()));

        assertThat(disposed).isInstanceOf(DispositionOutcome.Disposed.class);
        assertThat(manual.next(alice)).isInstanceOf(NextCustomer.Handed.class);
    }

    @Test
    void onAPhoneOfTheirOwnTheAgentWhoDialedIsRungAndPutThroughOnceTheyAnswer() {
        List<CallId> rung = new ArrayList<>();
        Simulation sip = new Simulation(17, RULED, 10, PhonesOfTheirOwn::new);

        CallRecord call = dialedByAliceWhosePhone(sip, leg -> {
            rung.add(leg);
            sip.scheduler.after(Duration.ofSeconds(1), () -> sip.carrier.answer(leg));
        });

        assertThat(rung).as("the agent's phone, rung once the customer answered").hasSize(1);
        assertThat(Duration.between(call.answeredAt().orElseThrow(), call.connectedAt().orElseThrow()))
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(call.result()).contains(CallResult.SUCCESS);
        assertThat(sip.audit.violations()).isEmpty();
    }

    @Test
    void theAgentWhoDialedHearsTheCustomerRingFromTheMomentTheCallIsPlaced() {
        RingingHeard[] carrier = new RingingHeard[1];
        Simulation sip = new Simulation(17, RULED, 10, simulated -> carrier[0] = new RingingHeard(
                new PhonesOfTheirOwn(simulated)));

        CallRecord call = dialedByAliceWhosePhone(sip, leg -> sip.carrier.answer(leg));

        assertThat(carrier[0].told).as("told as it is placed; her phone rung for the bridge once the customer answered")
                .containsExactly("alice hears " + call.id().value() + " ring", "alice's phone rung");
    }

    @Test
    void onAPhoneOfTheirOwnThatIsNotAnsweredTheCallEndsAsAgentTimeout() {
        Simulation sip = new Simulation(17, RULED, 10, PhonesOfTheirOwn::new);

        CallRecord call = dialedByAliceWhosePhone(sip, leg -> { });

        assertThat(call.connectedAt()).isEmpty();
        assertThat(call.result()).contains(CallResult.AGENT_TIMEOUT);
    }

    /** Alice gets a customer who answers and dials them, her phone doing as {@code phone} says; the call, ended. */
    private static CallRecord dialedByAliceWhosePhone(Simulation sip, AgentPhone phone) {
        CampaignRunner manual = sip.campaign(aManualCampaign(1).build());
        manual.start();
        long customer = sip.customer(1, "+84900000001");
        AgentId alice = sip.person("alice", 1);
        sip.carrier.connectPhone(alice, phone);
        sip.runUntil(NINE);
        manual.next(alice);

        DialOutcome.Placed placed = (DialOutcome.Placed) manual.dial(alice, customer);
        sip.runFor(Duration.ofMinutes(30));

        return sip.calls.call(placed.call()).orElseThrow();
    }

    @Test
    void onTheSimulatedCarrierTheAgentWhoDialedIsOnTheCallAsItIsAnswered() {
        CampaignRunner manual = sim.campaign(aManualCampaign(1).build());
        manual.start();
        long customer = sim.customer(1, "+84900000001");
        AgentId alice = sim.person("alice", 1);
        sim.runUntil(NINE);
        manual.next(alice);

        DialOutcome.Placed placed = (DialOutcome.Placed) manual.dial(alice, customer);
        sim.runFor(Duration.ofMinutes(30));

        CallRecord call = sim.calls.call(placed.call()).orElseThrow();
        assertThat(call.connectedAt()).isEqualTo(call.answeredAt());
    }

    @Test
    void manualAgentMayRedialAtOnceWhileAttemptsRemain() {
        CampaignRunner manual = sim.campaign(aManualCampaign(1).maxCalls(2).build());
        manual.start();
        long unanswered = sim.customer(1, "+84900000002");
        AgentId alice = sim.person("alice", 1);
        sim.runUntil(NINE);
        manual.next(alice);

        assertThat(manual.dial(alice, unanswered).isPlaced()).isTrue();
        sim.runFor(Duration.ofMinutes(1));
        assertThat(manual.dial(alice, unanswered).isPlaced()).as("redial at once, no gap").isTrue();
        sim.runFor(Duration.ofMinutes(1));

        assertThat(manual.dial(alice, unanswered)).isInstanceOf(DialOutcome.NotPlaced.class);
        assertThat(sim.callsTo(unanswered)).hasSize(2);
        assertThat(sim.state(1, unanswered).status()).isEqualTo(CustomerStatus.MAX_ATTEMPTS);
    }

    @Test
    void quotaStopsAnAgentAtTheirNumber() {
        sim.campaign(aManualCampaign(1).dailyQuota(5).build()).start();
        sim.customers(1, 50);
        AgentId alice = sim.bot("alice", 1, AgentBehaviour.typical()).id();

        sim.runUntil(NINE.plus(Duration.ofHours(7)));

        assertThat(sim.shownTo(alice, AgentUpdate.CustomerOffered.class)).hasSize(5);
        assertThat(sim.dialer.desk().holding(alice)).as("the fifth customer is processed").isEmpty();
        assertThat(reasonOf(sim.campaignRunner(1).next(alice))).isEqualTo(NextCustomer.Reason.QUOTA_REACHED);
    }

    @Test
    void quotaDaysFollowTheBusinessToAnotherTimeZone() {
        CampaignRunner manual = sim.campaign(aManualCampaign(1).dailyQuota(5).build());
        manual.start();
        sim.customers(1, 50);
        AgentId alice = sim.bot("alice", 1, AgentBehaviour.typical()).id();
        sim.runUntil(NINE.plus(Duration.ofHours(7)));
        assertThat(reasonOf(manual.next(alice))).isEqualTo(NextCustomer.Reason.QUOTA_REACHED);

        // 16:00 in UTC is 06:00 of the next day in Kiritimati (UTC+14): a new day, a new quota.
        ZoneId kiritimati = ZoneId.of("Pacific/Kiritimati");
        manual.changeWindow(manual.window().withWorkingHours(WeeklySchedule.in(kiritimati)
                .open(EnumSet.allOf(DayOfWeek.class), "00:00", "23:00").build()));
        sim.runFor(Duration.ofHours(2));

        assertThat(sim.shownTo(alice, AgentUpdate.CustomerOffered.class)).as("five more on the new day").hasSize(10);
        assertThat(reasonOf(manual.next(alice))).isEqualTo(NextCustomer.Reason.QUOTA_REACHED);
    }

    @Test
    void getCustomerSaysWhenTheCampaignDoesNotDial() {
        CampaignRunner manual = sim.campaign(aManualCampaign(1).startsAt(NINE.plus(Duration.ofDays(1)).minus(Duration.ofHours(2))).build());
        sim.customers(1, 3);
        AgentId alice = sim.person("alice", 1);
        assertThat(reasonOf(manual.next(alice))).isEqualTo(NextCustomer.Reason.CAMPAIGN_NOT_RUNNING);

        manual.start();
        sim.runUntil(NINE);
        assertThat(reasonOf(manual.next(alice))).isEqualTo(NextCustomer.Reason.NOT_STARTED_YET);

        sim.runUntil(NINE.plus(Duration.ofDays(1)).minus(Duration.ofHours(1)));
        assertThat(reasonOf(manual.next(alice))).isEqualTo(NextCustomer.Reason.OUTSIDE_WORKING_HOURS);
    }

    @Test
    void dayOfManualDialingByBotsKeepsEveryComplianceRule() {
        Simulation day = new Simulation(23, CarrierModel.typical(), 3);
        day.campaign(aManualCampaign(1).build()).start();
        day.customers(1, 300);
        day.bots("agent", 5, 1);

        day.runUntil(NINE.plus(Duration.ofHours(10)));

        assertThat(day.audit.violations()).isEmpty();
        assertThat(day.audit.dials()).isGreaterThan(100);
    }

    private static NextCustomer.Reason reasonOf(NextCustomer next) {
        assertThat(next).isInstanceOf(NextCustomer.Refused.class);
        return ((NextCustomer.Refused) next).reason();
    }
}
