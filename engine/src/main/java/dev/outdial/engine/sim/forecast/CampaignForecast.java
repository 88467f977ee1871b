package dev.outdial.engine.sim.forecast;

import dev.outdial.engine.call.AnsweringMachines;
import dev.outdial.engine.call.CampaignSettings;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.customer.CampaignRules;
import dev.outdial.engine.customer.CustomerStatus;
import dev.outdial.engine.customer.DialType;
import dev.outdial.engine.pacing.BusinessDialer;
import dev.outdial.engine.pacing.CampaignRunner;
import dev.outdial.engine.pacing.EnginePorts;
import dev.outdial.engine.port.CallRecord;
import dev.outdial.engine.rules.AbandonRate;
import dev.outdial.engine.rules.CalledPartyZones;
import dev.outdial.engine.rules.CallingWindow;
import dev.outdial.engine.rules.ConcurrencyLimit;
import dev.outdial.engine.rules.DailyQuota;
import dev.outdial.engine.rules.WeeklySchedule;
import dev.outdial.engine.sim.AgentBehaviour;
import dev.outdial.engine.sim.CarrierModel;
import dev.outdial.engine.sim.Distribution;
import dev.outdial.engine.sim.InMemoryAgentPool;
import dev.outdial.engine.sim.InMemoryCallLog;
import dev.outdial.engine.sim.InMemoryCustomerStore;
import dev.outdial.engine.sim.InMemoryNumberLists;
import dev.outdial.engine.sim.NumberRules;
import dev.outdial.engine.sim.SimulatedAgent;
import dev.outdial.engine.sim.SimulatedAgents;
import dev.outdial.engine.sim.SimulatedCarrier;
import dev.outdial.engine.sim.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;

/**
 * The forecast of a campaign's remaining work (issue 6): the real engine runs the campaign's dial
 * type in virtual time on simulated customers who behave as the campaign's calls so far did, with
 * bots in the agents' seats, until every simulated customer is processed or the horizon passes.
 *
 * <p>Its cost is bounded whatever the campaign's size: at most {@link #MAX_SIMULATED_AGENTS} agents
 * and {@link #MAX_SIMULATED_CUSTOMERS} customers are simulated, a share of the campaign with as
 * many customers per agent, and the figures are scaled back (time by the customers left out,
 * contacts per hour by the agents left out). Pacing gains a little with more agents, so a scaled
 * forecast of a large campaign is on the cautious side.
 */
public final class CampaignForecast {

    public static final int MAX_SIMULATED_AGENTS = 50;
    public static final int MAX_SIMULATED_CUSTOMERS = 2_000;
    /** Virtual dialing time after which a simulation stops and extrapolates from the share it finished. */
    public static final Duration HORIZON = Duration.ofHours(48);

    private static final Instant START = Instant.parse("2025-03-03T00:00:00Z");
    private static final Duration STEP = Duration.ofMinutes(10);
    private static final long CAMPAIGN = 1;
    private static final long BUSINESS = 1;
    private static final Set<CustomerStatus> STILL_TO_DO = EnumSet.of(CustomerStatus.NEW, CustomerStatus.IN_PROGRESS,
            CustomerStatus.RETRY, CustomerStatus.CALLBACK);

    private CampaignForecast() {
    }

    /**
     * What the campaign does with the customers it has left.
     *
     * @param campaign how the campaign dials: its type, agents, customers left, limits and settings
     * @param rates    how its customers and agents behave
     * @param seed     the seed of every random draw: the same inputs give the same forecast
     */
    public static Forecast run(ForecastCampaign campaign, ForecastRates rates, long seed) {
        int simulatedAgents = Math.min(campaign.agents(), MAX_SIMULATED_AGENTS);
        double agentShare = (double) simulatedAgents / campaign.agents();
        long customersInShare = Math.round(campaign.customers() * agentShare);
        int simulatedCustomers = (int) Math.min(customersInShare, MAX_SIMULATED_CUSTOMERS);
        if (simulatedCustomers == 0) {
            return new Forecast(0, 0, true, Duration.ZERO, 0, 0, 0, 0, 0, 0);
        }
        double timeScale = (double) customersInShare / simulatedCustomers;
        int lines = Math.max(1, (int) Math.round(campaign.maxConcurrentCalls().orElse(Integer.MAX_VALUE / 2) * agentShare));

        Random random = new Random(seed);
        VirtualScheduler scheduler = new VirtualScheduler(START);
        SimulatedCarrier carrier = new SimulatedCarrier(scheduler, carrierModel(rates), new Random(random.nextLong()));
        InMemoryCustomerStore customers = new InMemoryCustomerStore();
        InMemoryCallLog calls = new InMemoryCallLog();
        InMemoryAgentPool agents = new InMemoryAgentPool();
        SimulatedAgents bots = new SimulatedAgents();
        ConcurrencyLimit limit = new ConcurrencyLimit(lines);
        BusinessDialer dialer = new BusinessDialer(BUSINESS, limit,
                new EnginePorts(scheduler, carrier, customers, agents, new InMemoryNumberLists(), calls, bots::show));
        CampaignSettings settings = settings(campaign, lines);
        customers.addCampaign(CAMPAIGN, settings.rules());
        CampaignRunner runner = dialer.campaign(settings);
        for (int i = 0; i < simulatedCustomers; i++) {
            customers.add(CAMPAIGN, String.format("+8490%07d", i), START);
        }
        AgentBehaviour behaviour = new AgentBehaviour(Distribution.constant(Duration.ofSeconds(1)),
                Distribution.constant(Duration.ofSeconds(3)), Distribution.constant(rates.wrapUpTime()),
                AgentBehaviour.done("Reached"));
        for (int i = 0; i < simulatedAgents; i++) {
            AgentId id = AgentId.of("agent-" + i);
            SimulatedAgent bot = new SimulatedAgent(id, scheduler, carrier, behaviour, new Random(random.nextLong()));
            bots.seat(bot);
            agents.logIn(id, CAMPAIGN);
            agents.setAvailable(id, true);
            bot.works(CAMPAIGN, runner, false);
            dialer.agentPresenceChanged(id);
        }
        runner.start();

        Instant end = START.plus(HORIZON);
        long left = simulatedCustomers;
        while (scheduler.now().isBefore(end) && left > 0) {
            scheduler.runUntil(min(scheduler.now().plus(STEP), end));
            left = customers.customers(CAMPAIGN).stream()
                    .filter(customer -> STILL_TO_DO.contains(customers.stateOf(CAMPAIGN, customer.customerId()).status()))
                    .count();
        }
        return figures(calls.calls(), simulatedAgents, simulatedCustomers, left, Duration.between(START, scheduler.now()),
                timeScale, campaign.agents() / (double) simulatedAgents);
    }

    private static Forecast figures(List<CallRecord> calls, int agents, int customers, long left, Duration elapsed,
                                    double timeScale, double agentScale) {
        long answered = calls.stream()
                .filter(call -> call.answeredAt().isPresent() && call.result().orElse(null) != CallResult.MACHINE).count();
        long connected = calls.stream().filter(call -> call.connectedAt().isPresent()).count();
        long abandoned = calls.stream().filter(call -> call.result().orElse(null) == CallResult.ABANDONED).count();
        double hours = Math.max(elapsed.toMillis(), 1) / 3_600_000.0;
        boolean finished = left == 0;
        // Unfinished at the horizon: the rest goes at the pace of the share already processed.
        double done = (double) (customers - left) / customers;
        double simulatedHours = finished ? hours : done == 0 ? Double.POSITIVE_INFINITY : hours / done;
        Duration dialingTime = Double.isInfinite(simulatedHours) ? HORIZON.multipliedBy(1000)
                : Duration.ofMillis(Math.round(simulatedHours * timeScale * 3_600_000.0));
        return new Forecast(agents, customers, finished, dialingTime, calls.size(), answered, connected, abandoned,
                AbandonRate.of(abandoned, answered).orElse(0), connected / hours * agentScale);
    }

    private static CarrierModel carrierModel(ForecastRates rates) {
        return new CarrierModel(rates.answerRate(), rates.busyRate(), 0, 0, 0,
                Distribution.logNormal(rates.ringTime(), 0.5), rates.noAnswerTimeout(),
                Distribution.logNormal(rates.talkTime(), 0.5), Distribution.constant(Duration.ofSeconds(2)),
                NumberRules.none(), Optional.of(Distribution.exponential(rates.patience())));
    }

    /**
     * Open around the clock: the forecast counts dialing time, which the caller lays on the
     * campaign's working hours. In the business's zone all the same: the predictive strategy holds
     * its abandon limit in that zone's clock hours, whose edges a half-hour offset moves.
     */
    static CampaignSettings settings(ForecastCampaign campaign, int lines) {
        WeeklySchedule always = WeeklySchedule.alwaysOpen(campaign.zone());
        CallingWindow window = new CallingWindow(START, Optional.empty(), always, Optional.empty(), new CalledPartyZones());
        Optional<CampaignSettings.Predictive> predictive = campaign.dialType() == DialType.PREDICTIVE
                ? Optional.of(new CampaignSettings.Predictive(campaign.maxAbandonRate(), campaign.maxWait(), Optional.empty()))
                : Optional.empty();
        return new CampaignSettings(CAMPAIGN, BUSINESS,
                CampaignRules.of(campaign.dialType(), campaign.maxCallsPerCustomer(), campaign.retryGap(), 0), window,
                List.of("+842800000000"), Duration.ofSeconds(30), campaign.agentAnswerTimeout(), Duration.ZERO,
                campaign.previewTime(), DailyQuota.unlimited(campaign.zone()), OptionalInt.of(lines),
                Duration.ofMinutes(2), predictive, Optional.empty(), AnsweringMachines.NOT_TOLD, false);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /**
     * The campaign as the forecast dials it.
     *
     * @param agents    agents working it (the forecast's N)
     * @param customers customers still to process
     * @param zone      the business's zone, whose clock hours the abandon limit is held in
     */
    public record ForecastCampaign(DialType dialType, int agents, long customers, int maxCallsPerCustomer,
                                   Duration retryGap, OptionalInt maxConcurrentCalls, double maxAbandonRate,
                                   Duration maxWait, Duration agentAnswerTimeout, Duration previewTime, ZoneId zone) {

        public ForecastCampaign {
            Objects.requireNonNull(zone, "zone");
            if (agents < 1 || customers < 0) {
                throw new IllegalArgumentException("a forecast needs at least one agent and no negative customers");
            }
            if (dialType == DialType.MANUAL || dialType == DialType.AUTOCALL || dialType == DialType.AUTO_CALLBACK) {
                throw new IllegalArgumentException("the forecast runs campaigns the system dials for agents, not "
                        + dialType);
            }
        }
    }

    /** How the campaign's customers and agents behave: observed so far, or defaults. */
    public record ForecastRates(double answerRate, double busyRate, Duration ringTime, Duration talkTime,
                                Duration wrapUpTime, Duration noAnswerTimeout, Duration patience) {
    }

    /**
     * What the forecast found.
     *
     * @param simulatedAgents    agents in the simulation (at most {@link #MAX_SIMULATED_AGENTS})
     * @param simulatedCustomers customers in the simulation (at most {@link #MAX_SIMULATED_CUSTOMERS})
     * @param finished           whether the simulation processed every customer within the {@link #HORIZON}
     * @param dialingTime        dialing time the campaign needs for its remaining customers, scaled back
     * @param contactsPerHour    calls reaching an agent per dialing hour, for the campaign's agents
     * @param abandonRate        abandoned ÷ answered by a person (predictive)
     */
    public record Forecast(int simulatedAgents, int simulatedCustomers, boolean finished, Duration dialingTime,
                           long dials, long answered, long contacts, long abandoned, double abandonRate,
                           double contactsPerHour) {
    }
}
