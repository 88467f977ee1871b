package dev.outdial.engine.simulation;

import static dev.outdial.engine.fixtures.CampaignSettingsBuilder.aPredictiveCampaign;
import static dev.outdial.engine.fixtures.CampaignSettingsBuilder.aProgressiveCampaign;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.call.CampaignSettings;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.customer.CustomerStatus;
import dev.outdial.engine.fixtures.Seeds;
import dev.outdial.engine.pacing.CampaignRunner;
import dev.outdial.engine.pacing.DialStrategy;
import dev.outdial.engine.pacing.Dispatch;
import dev.outdial.engine.pacing.PacingView;
import dev.outdial.engine.pacing.PredictiveSettings;
import dev.outdial.engine.pacing.PredictiveStrategy;
import dev.outdial.engine.port.CallRecord;
import dev.outdial.engine.rules.WeeklySchedule;
import dev.outdial.engine.sim.AgentBehaviour;
import dev.outdial.engine.sim.CarrierModel;
import dev.outdial.engine.sim.CarrierOutcome;
import dev.outdial.engine.sim.Distribution;
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

class PredictiveCampaignSimulationTest {

    static final Instant NINE = Instant.parse("2025-03-03T09:00:00Z");
    static final Instant NOON = Instant.parse("2025-03-03T12:00:00Z");
    static final Instant FIVE_PM = Instant.parse("2025-03-03T17:00:00Z");
    static final PredictiveSettings THREE_PERCENT = new PredictiveSettings(0.03, Duration.ofSeconds(15));
    /** Customers who hear waiting music and hang up after half a minute on average, some after a second. */
    static final CarrierModel IMPATIENT = CarrierModel.typical()
            .withPatience(Distribution.exponential(Duration.ofSeconds(30)));

    static final AgentBehaviour ON_AN_OPEN_LINE = AgentBehaviour.typical().answeringAtOnce();

    @Test
    void dayOfPredictiveDialingKeepsTheAbandonLimitAndEveryComplianceRule() {
        Seeds.forEachSeed(2, random -> {
            Simulation sim = predictiveDay(random.nextLong(), IMPATIENT, 20, 8_000);

            sim.runUntil(FIVE_PM);

            assertThat(sim.audit.violations()).isEmpty();
            assertThat(abandonRate(sim)).as("abandoned ÷ answered, seed %d", sim.seed).isLessThanOrEqualTo(0.03);
            assertThat(sim.audit.mostOpenCalls()).as("it dials ahead of its 20 agents").isGreaterThan(20);
        });
    }

    @Test
    void aFallingAnswerRateDoesNotTakeTheCampaignOverItsLimit() {
        Seeds.forEachSeed(2, random -> {
            Simulation sim = predictiveDay(random.nextLong(), IMPATIENT.withAnswerProbability(0.35), 30, 12_000);
            sim.scheduler.at(NOON, () -> sim.carrier.changeModel(IMPATIENT.withAnswerProbability(0.12)));

            sim.runUntil(FIVE_PM);

            assertThat(sim.audit.violations()).isEmpty();
            assertThat(abandonRate(sim)).as("seed %d", sim.seed).isLessThanOrEqualTo(0.03);
            assertThat(abandonRateAfter(sim, NOON.plus(Duration.ofMinutes(30))))
                    .as("the afternoon's own rate, once the drift is seen").isLessThanOrEqualTo(0.03);
        });
    }

    @Test
    void keepsItsAgentsBusierThanProgressiveDialing() {
        Simulation predictive = predictiveDay(42, IMPATIENT, 20, 8_000);
        predictive.runUntil(FIVE_PM);
        Simulation progressive = new Simulation(42, IMPATIENT, 100);
        progressive.campaign(aProgressiveCampaign(1).build()).start();
        progressive.customers(1, 8_000);
        progressive.bots("agent", 20, 1, ON_AN_OPEN_LINE);
        progressive.runUntil(FIVE_PM);

        assertThat(connected(predictive)).isGreaterThan(connected(progressive) * 5 / 4);
    }

    @Test
    void neverDialsWithNoAgentInTheCampaign() {
        Simulation sim = new Simulation(3, IMPATIENT, 100);
        sim.campaign(predictiveCampaign(), new PredictiveStrategy(THREE_PERCENT)).start();
        sim.customers(1, 100);

        sim.runUntil(NINE.plus(Duration.ofHours(1)));
        assertThat(sim.audit.dials()).isZero();

        sim.bots("agent", 1, 1);
        sim.runUntil(NINE.plus(Duration.ofHours(2)));
        assertThat(sim.audit.dials()).isPositive();
    }

    @Test
    void aChangeOfTheBusinesssZoneReachesTheStrategyOnceAndNewHoursInTheSameZoneDoNot() {
        Simulation sim = new Simulation(9, CarrierModel.typical(), 10);
        List<ZoneId> zonesTold = new ArrayList<>();
        DialStrategy listening = new DialStrategy() {
            @Override
            public List<Dispatch> plan(PacingView view) {
                return List.of();
            }

            @Override
            public void zoneChanged(ZoneId zone, Instant now) {
                zonesTold.add(zone);
            }
        };
        CampaignRunner runner = sim.campaign(aPredictiveCampaign(1).build(), listening);
        runner.start();
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");

        runner.changeWindow(runner.window().withWorkingHours(WeeklySchedule.in(kolkata)
                .open(EnumSet.allOf(DayOfWeek.class), "00:00", "23:00").build()));
        runner.changeWindow(runner.window().withWorkingHours(WeeklySchedule.in(kolkata)
                .open(EnumSet.allOf(DayOfWeek.class), "08:00", "20:00").build()));

        assertThat(zonesTold).as("its clock hours follow the business's zone").containsExactly(kolkata);
    }

    @Test
    void anAnsweredCustomerIsOfferedToTheNextAgentWhenTheFirstDoesNotAnswer() {
        Simulation sim = new Simulation(5, CarrierModel.typical().withRules(new NumberRules(Map.of("1", CarrierOutcome.ANSWER))), 10);
        sim.campaign(aPredictiveCampaign(1).build(), new PredictiveStrategy(new PredictiveSettings(0.05, Duration.ofSeconds(90))))
                .start();
        long customer = sim.customer(1, "+84900000001");
        AgentId away = sim.person("alice", 1);
        sim.runUntil(NINE.minusSeconds(1));
        AgentId bob = sim.bot("bob", 1, AgentBehaviour.typical()).id();

        sim.runUntil(NINE.plus(Duration.ofMinutes(10)));

        CallRecord call = sim.callsTo(customer).getFirst();
        assertThat(call.result()).contains(CallResult.SUCCESS);
        assertThat(call.agent()).contains(bob);
        assertThat(Duration.between(call.answeredAt().orElseThrow(), call.connectedAt().orElseThrow()))
                .as("alice, idle longest, was offered the call for 30 s first").isGreaterThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(sim.callsOf(away)).isEmpty();
    }

    @Test
    void aCustomerNobodyTakesWithinTheMaximumWaitIsAbandonedAndRetried() {
        Simulation sim = new Simulation(6, CarrierModel.typical().withRules(new NumberRules(Map.of("1", CarrierOutcome.ANSWER))), 10);
        sim.campaign(aPredictiveCampaign(1).maxCalls(3).build(),
                new PredictiveStrategy(new PredictiveSettings(0.05, Duration.ofSeconds(20)))).start();
        long customer = sim.customer(1, "+84900000001");
        sim.person("alice", 1);

        sim.runUntil(NINE.plus(Duration.ofMinutes(5)));

        CallRecord call = sim.callsTo(customer).getFirst();
        assertThat(call.result()).contains(CallResult.ABANDONED);
        assertThat(Duration.between(call.answeredAt().orElseThrow(), call.endedAt().orElseThrow()))
                .isEqualTo(Duration.ofSeconds(20));
        assertThat(sim.state(1, customer).status()).isEqualTo(CustomerStatus.RETRY);
    }

    @Test
    void sameSeedSameDay() {
        assertThat(transcript(77)).isEqualTo(transcript(77)).isNotEqualTo(transcript(78));
    }

    private static List<String> transcript(long seed) {
        Simulation sim = predictiveDay(seed, IMPATIENT, 8, 1_000);
        sim.runUntil(NINE.plus(Duration.ofHours(2)));
        return sim.transcript();
    }

    static Simulation predictiveDay(long seed, CarrierModel model, int agents, int customers) {
        Simulation sim = new Simulation(seed, model, 100);
        sim.campaign(predictiveCampaign(), new PredictiveStrategy(THREE_PERCENT)).start();
        sim.customers(1, customers);
        sim.bots("agent", agents, 1, ON_AN_OPEN_LINE);
        return sim;
    }

    private static CampaignSettings predictiveCampaign() {
        return aPredictiveCampaign(1).maxCalls(3).retryGap(Duration.ofMinutes(20)).wrapUp(Duration.ZERO).build();
    }

    private static long connected(Simulation sim) {
        return sim.calls.calls().stream().filter(call -> call.connectedAt().isPresent()).count();
    }

    private static double abandonRate(Simulation sim) {
        return abandonRateAfter(sim, Instant.MIN);
    }

    private static double abandonRateAfter(Simulation sim, Instant from) {
        List<CallRecord> answered = sim.calls.calls().stream()
                .filter(call -> !call.isOpen() && call.answeredAt().filter(at -> !at.isBefore(from)).isPresent())
                .filter(call -> call.result().orElseThrow() != CallResult.MACHINE).toList();
        long abandoned = answered.stream().filter(call -> call.result().orElseThrow() == CallResult.ABANDONED).count();
        System.out.printf("%d answered, %d abandoned%n", answered.size(), abandoned);
        return answered.isEmpty() ? 0 : (double) abandoned / answered.size();
    }
}
