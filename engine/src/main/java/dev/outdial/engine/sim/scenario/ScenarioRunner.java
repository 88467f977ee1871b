package dev.outdial.engine.sim.scenario;

import dev.outdial.engine.call.CampaignSettings;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CampaignRules;
import dev.outdial.engine.customer.DialType;
import dev.outdial.engine.pacing.BusinessDialer;
import dev.outdial.engine.pacing.CampaignRunner;
import dev.outdial.engine.pacing.DialStrategy;
import dev.outdial.engine.pacing.EnginePorts;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.rules.CalledPartyZones;
import dev.outdial.engine.rules.CallingWindow;
import dev.outdial.engine.rules.ConcurrencyLimit;
import dev.outdial.engine.rules.DailyQuota;
import dev.outdial.engine.rules.WeeklySchedule;
import dev.outdial.engine.rules.Recipient;
import dev.outdial.engine.sim.AgentBehaviour;
import dev.outdial.engine.sim.CallFate;
import dev.outdial.engine.sim.CarrierModel;
import dev.outdial.engine.sim.DialAudit;
import dev.outdial.engine.sim.Distribution;
import dev.outdial.engine.sim.InMemoryAgentPool;
import dev.outdial.engine.sim.InMemoryCallLog;
import dev.outdial.engine.sim.InMemoryCustomerStore;
import dev.outdial.engine.sim.InMemoryNumberLists;
import dev.outdial.engine.sim.NumberRules;
import dev.outdial.engine.sim.PreDrawnCalls;
import dev.outdial.engine.sim.SimulatedAgent;
import dev.outdial.engine.sim.SimulatedAgents;
import dev.outdial.engine.sim.SimulatedCarrier;
import dev.outdial.engine.sim.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;

/**
 * Runs a {@link Scenario} through the real engine in virtual time: one business, one campaign,
 * the simulated carrier behind a {@link DialAudit}, bots in the agents' seats. Every random draw
 * comes from the seed, so the same seed gives the same day.
 */
public final class ScenarioRunner {

    /** A Monday 09:00 on the scenario's clock (UTC when it names no zone); answer-rate steps count from here. */
    private static final LocalDateTime DAY_START = LocalDateTime.parse("2025-03-03T09:00");
    private static final long CAMPAIGN = 1;
    private static final long BUSINESS = 1;

    private ScenarioRunner() {
    }

    public static RunFigures run(Scenario scenario, String strategyName, long seed) {
        Random random = new Random(seed);
        Instant dayStart = DAY_START.atZone(scenario.zone()).toInstant();
        VirtualScheduler scheduler = new VirtualScheduler(dayStart);
        CarrierModel model = carrierModel(scenario);
        // Every call's fate is fixed by the seed, whoever places it: strategies meet the same customers.
        PreDrawnCalls fates = new PreDrawnCalls(random.nextLong(), scenario.wrapUpTime());
        SimulatedCarrier carrier = new SimulatedCarrier(scheduler, model, fates, "sim");
        for (Scenario.AnswerStep step : scenario.answerRates().subList(1, scenario.answerRates().size())) {
            scheduler.at(dayStart.plus(step.from()),
                    () -> carrier.changeModel(model.withAnswerProbability(step.probability())));
        }
        InMemoryCustomerStore customers = new InMemoryCustomerStore();
        InMemoryCallLog calls = new InMemoryCallLog();
        InMemoryNumberLists lists = new InMemoryNumberLists();
        InMemoryAgentPool agents = new InMemoryAgentPool();
        SimulatedAgents bots = new SimulatedAgents();
        ConcurrencyLimit limit = new ConcurrencyLimit(scenario.maxConcurrentCalls());
        DialAudit audit = new DialAudit(carrier, scheduler, customers, calls, lists, limit);
        BusinessDialer dialer = new BusinessDialer(BUSINESS, limit,
                new EnginePorts(scheduler, audit, customers, agents, lists, calls, bots::show));

        DialStrategy strategy = "oracle".equals(strategyName)
                ? new OracleStrategy(scenario.maxWait(), scenario.noAnswerTimeout(), CAMPAIGN, fates, carrier::model,
                        customers, () -> Recipient.pool(agents.loggedIn(CAMPAIGN)), scheduler, dialer::wake)
                : StrategyChoice.named(strategyName).apply(scenario);
        CampaignSettings settings = campaign(scenario, dayStart);
        customers.addCampaign(CAMPAIGN, settings.rules());
        audit.watch(settings);
        CampaignRunner runner = dialer.campaign(settings, strategy);
        for (int i = 0; i < scenario.customers(); i++) {
            String number = customerNumber(i);
            audit.knows(number, CAMPAIGN, customers.add(CAMPAIGN, number, dayStart));
        }
        Map<CallId, Instant> disposedAt = new HashMap<>();
        AgentBehaviour behaviour = agentBehaviour(scenario, disposedAt);
        for (int i = 0; i < scenario.agents(); i++) {
            AgentId id = AgentId.of(String.format("agent-%03d", i));
            SimulatedAgent bot = new SimulatedAgent(id, scheduler, carrier, behaviour, new Random(random.nextLong()),
                    ended -> customers.find(CAMPAIGN, ended.customerId())
                            .flatMap(customer -> fates.lastOf(customer.phoneNumber())).map(CallFate::wrapUp));
            bots.seat(bot);
            agents.logIn(id, CAMPAIGN);
            agents.setAvailable(id, true);
            bot.works(CAMPAIGN, runner, false);
        }
        runner.start();
        scheduler.runUntil(dayStart.plus(scenario.duration()));
        return DayFigures.of(scenario, strategyName, seed, dayStart, calls.calls(), disposedAt, audit.dials(),
                audit.violations().size(), scheduler.tasksRun());
    }

    /**
     * The {@code i}-th customer's number, {@code +8490} and {@code i} in at least seven digits
     * ({@code String.format("+8490%07d", i)} without the formatter: 600,000 of them for a large day).
     */
    static String customerNumber(int i) {
        String digits = Integer.toString(i);
        return "+8490" + "0".repeat(Math.max(0, 7 - digits.length())) + digits;
    }

    private static CarrierModel carrierModel(Scenario scenario) {
        return new CarrierModel(scenario.answerRates().getFirst().probability(), scenario.busyProbability(), 0, 0, 0,
                scenario.ringTime(), scenario.noAnswerTimeout(), scenario.talkTime(),
                Distribution.constant(Duration.ofSeconds(1)), NumberRules.none(), Optional.of(scenario.patience()));
    }

    /**
     * Agents on an open line (a chosen agent is put through at once) whose wrap-up is the time to
     * their disposition, which is noted to measure occupancy.
     */
    private static AgentBehaviour agentBehaviour(Scenario scenario, Map<CallId, Instant> disposedAt) {
        AgentBehaviour.Classifier done = AgentBehaviour.done("Reached");
        // The wrap-up is drawn with each call (PreDrawnCalls); the behaviour's is the fallback only.
        return new AgentBehaviour(Distribution.constant(Duration.ZERO), Distribution.constant(Duration.ofSeconds(5)),
                scenario.wrapUpTime(), (agent, call, now, random) -> {
                    disposedAt.put(call.call(), now);
                    return done.classify(agent, call, now, random);
                });
    }

    /**
     * Open around the clock from the start of the day to its end, so the scenario's duration is all dialing time
     * and the campaign knows, as a live one knows its end time, that nothing is dialed after it.
     */
    private static CampaignSettings campaign(Scenario scenario, Instant dayStart) {
        WeeklySchedule always = WeeklySchedule.alwaysOpen(scenario.zone());
        CallingWindow window = new CallingWindow(dayStart, Optional.of(dayStart.plus(scenario.duration())), always,
                Optional.empty(), new CalledPartyZones());
        return new CampaignSettings(CAMPAIGN, BUSINESS,
                CampaignRules.of(DialType.PREDICTIVE, scenario.maxCallsPerCustomer(), scenario.retryGap(), 7), window,
                List.of("+842800000000"), scenario.noAnswerTimeout(), Duration.ofSeconds(30), Duration.ZERO,
                Duration.ZERO, DailyQuota.unlimited(scenario.zone()), OptionalInt.of(scenario.maxConcurrentCalls()),
                Duration.ofMinutes(2));
    }
}
