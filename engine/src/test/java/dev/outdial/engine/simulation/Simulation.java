package dev.outdial.engine.simulation;

import static dev.outdial.engine.fixtures.CampaignSettingsBuilder.MONDAY_MORNING;

import dev.outdial.engine.call.CampaignSettings;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CustomerState;
import dev.outdial.engine.customer.DialType;
import dev.outdial.engine.pacing.BusinessDialer;
import dev.outdial.engine.pacing.CampaignRunner;
import dev.outdial.engine.pacing.DialStrategies;
import dev.outdial.engine.pacing.DialStrategy;
import dev.outdial.engine.pacing.EnginePorts;
import dev.outdial.engine.port.AgentUpdate;
import dev.outdial.engine.port.CallRecord;
import dev.outdial.engine.port.Scheduler;
import dev.outdial.engine.port.Telephony;
import dev.outdial.engine.rules.ConcurrencyLimit;
import dev.outdial.engine.sim.AgentBehaviour;
import dev.outdial.engine.sim.CarrierModel;
import dev.outdial.engine.sim.DialAudit;
import dev.outdial.engine.sim.InMemoryAgentPool;
import dev.outdial.engine.sim.InMemoryCallLog;
import dev.outdial.engine.sim.InMemoryCustomerStore;
import dev.outdial.engine.sim.InMemoryNumberLists;
import dev.outdial.engine.sim.SimulatedAgent;
import dev.outdial.engine.sim.SimulatedAgents;
import dev.outdial.engine.sim.SimulatedCarrier;
import dev.outdial.engine.sim.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * One business in virtual time: the real engine on the simulated carrier, memory stores and bots,
 * watched by a {@link DialAudit} that checks SPEC §7 at every dial.
 */
final class Simulation {

    final long seed;
    final Random random;
    final VirtualScheduler scheduler = new VirtualScheduler(MONDAY_MORNING);
    final InMemoryCustomerStore customers = new InMemoryCustomerStore();
    final InMemoryAgentPool agents = new InMemoryAgentPool();
    final InMemoryCallLog calls = new InMemoryCallLog();
    /** The engine writes its calls through here: what they cost in commits. */
    final CountingCallLog writes = new CountingCallLog(calls);
    final InMemoryNumberLists lists = new InMemoryNumberLists();
    final SimulatedAgents bots = new SimulatedAgents();
    final List<Shown> shown = new ArrayList<>();
    final SimulatedCarrier carrier;
    final DialAudit audit;
    final BusinessDialer dialer;
    private final Map<Long, CampaignRunner> runners = new HashMap<>();
    private final Map<Long, CampaignSettings> settings = new HashMap<>();

    /** An update the engine showed an agent, and when. */
    record Shown(Instant at, AgentId agent, AgentUpdate update) {
    }

    Simulation(long seed, CarrierModel model, int contractLimit) {
        this(seed, model, contractLimit, UnaryOperator.identity());
    }

    /** With the carrier seen through {@code around}, e.g. {@link PhonesOfTheirOwn}. */
    Simulation(long seed, CarrierModel model, int contractLimit, UnaryOperator<Telephony> around) {
        this.seed = seed;
        this.random = new Random(seed);
        this.carrier = new SimulatedCarrier(scheduler, model, new Random(random.nextLong()));
        this.audit = new DialAudit(around.apply(carrier), scheduler, customers, calls, lists,
                new ConcurrencyLimit(contractLimit));
        this.dialer = dialerOn(scheduler, contractLimit);
    }

    /** Another node's dialer for the business, on the same stores and carrier, acting on {@code time}. */
    BusinessDialer dialerOn(Scheduler time, int contractLimit) {
        return new BusinessDialer(1, new ConcurrencyLimit(contractLimit), new EnginePorts(time, audit,
                customers, new CommittedReceipts(agents, writes), lists, writes, (agent, update) -> {
                    shown.add(new Shown(scheduler.now(), agent, update));
                    bots.show(agent, update);
                }));
    }

    CampaignRunner campaign(CampaignSettings settings) {
        return campaign(settings, dialer);
    }

    CampaignRunner campaign(CampaignSettings settings, BusinessDialer on) {
        return campaign(settings, on, DialStrategies.of(settings));
    }

    CampaignRunner campaign(CampaignSettings settings, DialStrategy strategy) {
        return campaign(settings, dialer, strategy);
    }

    private CampaignRunner campaign(CampaignSettings settings, BusinessDialer on, DialStrategy strategy) {
        if (!this.settings.containsKey(settings.campaignId())) {
            customers.addCampaign(settings.campaignId(), settings.rules());
        }
        CampaignRunner runner = on.campaign(settings, strategy);
        runners.put(settings.campaignId(), runner);
        this.settings.put(settings.campaignId(), settings);
        audit.watch(settings);
        return runner;
    }

    /** Adds customers numbered {@code +8490<campaign><index>}; returns their ids in order. */
    List<Long> customers(long campaignId, int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(customer(campaignId, String.format("+8490%d%07d", campaignId, i)));
        }
        return ids;
    }

    long customer(long campaignId, String number) {
        long id = customers.add(campaignId, number, MONDAY_MORNING);
        audit.knows(number, campaignId, id);
        return id;
    }

    /** A bot logged in to the campaign and Available. */
    SimulatedAgent bot(String name, long campaignId, AgentBehaviour behaviour) {
        AgentId id = AgentId.of(name);
        SimulatedAgent bot = new SimulatedAgent(id, scheduler, carrier, behaviour, new Random(random.nextLong()));
        bots.seat(bot);
        agents.logIn(id, campaignId);
        agents.setAvailable(id, true);
        bot.works(campaignId, runners.get(campaignId), settings.get(campaignId).rules().dialType() == DialType.MANUAL);
        dialer.agentPresenceChanged(id);
        return bot;
    }

    /** {@code count} typical bots named {@code prefix-0…} at work in the campaign. */
    void bots(String prefix, int count, long campaignId) {
        bots(prefix, count, campaignId, AgentBehaviour.typical());
    }

    void bots(String prefix, int count, long campaignId, AgentBehaviour behaviour) {
        for (int i = 0; i < count; i++) {
            bot(String.format("%s-%02d", prefix, i), campaignId, behaviour);
        }
    }

    /** A person logged in to the campaign and Available, who acts only as the test says. */
    AgentId person(String name, long campaignId) {
        AgentId id = AgentId.of(name);
        agents.logIn(id, campaignId);
        agents.setAvailable(id, true);
        dialer.agentPresenceChanged(id);
        return id;
    }

    CampaignRunner campaignRunner(long campaignId) {
        return runners.get(campaignId);
    }

    void runUntil(Instant end) {
        scheduler.runUntil(end);
    }

    void runFor(Duration duration) {
        scheduler.runFor(duration);
    }

    CustomerState state(long campaignId, long customerId) {
        return customers.stateOf(campaignId, customerId);
    }

    List<CallRecord> callsTo(long customerId) {
        return calls.calls().stream().filter(call -> call.customerId() == customerId).toList();
    }

    List<CallRecord> callsOf(AgentId agent) {
        return calls.calls().stream().filter(call -> call.agent().filter(agent::equals).isPresent()).toList();
    }

    <T extends AgentUpdate> List<T> shownTo(AgentId agent, Class<T> kind) {
        return shown.stream().filter(s -> s.agent().equals(agent)).map(Shown::update)
                .filter(kind::isInstance).map(kind::cast).toList();
    }

    /** What a run produced, to compare two runs of one seed. */
    List<String> transcript() {
        return calls.calls().stream().map(call -> call.dialingAt() + " " + call.dialedNumber() + " "
                + call.agent().map(AgentId::value).orElse("-") + " " + call.result().map(Enum::name).orElse("open"))
                .toList();
    }
}
