package dev.outdial.dialing.internal;

import dev.outdial.business.BusinessChanged;
import dev.outdial.campaign.CampaignStatus;
import dev.outdial.campaign.CampaignStatusChanged;
import dev.outdial.campaign.Campaigns;
import dev.outdial.campaign.RunningCampaign;
import dev.outdial.customer.CampaignCustomersChanged;
import dev.outdial.engine.call.CallOrchestrator;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.pacing.AgentDesk;
import dev.outdial.engine.pacing.BusinessDialer;
import dev.outdial.engine.pacing.CampaignRunner;
import dev.outdial.engine.pacing.EnginePorts;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.rules.ConcurrencyLimit;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.NotFoundException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The engine running live on this node: a {@link BusinessDialer} per business, with its contract's
 * limit, and a {@link CampaignRunner} per campaign it has run. A campaign starts dialing when it
 * becomes RUNNING (and at startup, when it is RUNNING already) and stops on PAUSED, ENDED or
 * UNAPPROVED; a stopped runner is kept so its last calls finish and are disposed as usual.
 *
 * <p>Everything of a business here but reading settings runs on its lane of the {@link EngineThread};
 * the maps are shared by the lanes, so they are concurrent, and each business's dialer and runners are
 * only ever touched on its own lane.
 */
@Component
public class LiveDialers {

    private static final Logger log = LoggerFactory.getLogger(LiveDialers.class);

    /** A campaign's runner and whether its settings may have changed since it was built (back to UNAPPROVED). */
    private static final class Running {
        private final long businessId;
        private final CampaignRunner runner;
        private volatile boolean stale;
        private volatile boolean started;

        private Running(long businessId, CampaignRunner runner) {
            this.businessId = businessId;
            this.runner = runner;
        }
    }

    private final EngineThread engine;
    private final EngineCampaigns settings;
    private final LiveCampaignRegistries registries;
    private final Campaigns campaigns;
    private final AgentPhones phones;
    private final PacerLeases leases;
    private final EnginePorts ports;
    private final Map<Long, BusinessDialer> dialers = new ConcurrentHashMap<>();
    /** Each business's contract limit, shared by its dialer and campaigns, changed in place. */
    private final Map<Long, ConcurrencyLimit> limits = new ConcurrentHashMap<>();
    private final Set<Long> warned = ConcurrentHashMap.newKeySet();
    /** Per campaign, every runner it had on this node, the current one last. */
    private final Map<Long, List<Running>> runners = new ConcurrentHashMap<>();

    LiveDialers(EngineThread engine, EngineCampaigns settings, LiveCampaignRegistries registries, Campaigns campaigns,
                AgentPhones phones, PacerLeases leases, EnginePorts ports) {
        this.engine = engine;
        this.settings = settings;
        this.registries = registries;
        this.campaigns = campaigns;
        this.phones = phones;
        this.leases = leases;
        this.ports = ports;
    }

    /** First among the listeners of the ready application, so whatever seats agents finds the runners. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void startRunningCampaigns() {
        for (RunningCampaign campaign : campaigns.running()) {
            start(campaign.businessId(), campaign.campaignId());
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void statusChanged(CampaignStatusChanged change) {
        if (change.to() == CampaignStatus.RUNNING) {
            start(change.businessId(), change.campaignId());
        } else if (change.from() == CampaignStatus.RUNNING || change.to() == CampaignStatus.UNAPPROVED) {
            stop(change.campaignId(), change.to() == CampaignStatus.UNAPPROVED);
        }
    }

    /** "The business's contract limit": a change takes effect on the next call the business's dialer decides. */
    @TransactionalEventListener(fallbackExecution = true)
    void businessChanged(BusinessChanged change) {
        refreshLimit(change.businessId());
    }

    /** Reads the business's contract limit afresh and hands it to its running dialer, if any. */
    public void refreshLimit(long businessId) {
        int limit = settings.concurrentCallLimit(businessId);
        engine.run(businessId, () -> Optional.ofNullable(limits.get(businessId)).ifPresent(current -> {
            if (current.contractLimit() != limit) {
                log.info("Business {} may now have {} concurrent calls (was {})", businessId, limit, current.contractLimit());
                current.changeTo(limit);
                wake(businessId);
            }
        }));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void customersChanged(CampaignCustomersChanged change) {
        engine.run(change.businessId(), () -> wake(change.businessId()));
    }

    /** Customers may have become eligible: the business's campaigns pace again; on the business's lane. */
    public void wake(long businessId) {
        Optional.ofNullable(dialers.get(businessId)).ifPresent(BusinessDialer::wake);
    }

    /**
     * Runs the campaign: its runner again if its settings cannot have changed, else a new one; only
     * on the node holding the business's pacer lease (taken now if nobody holds it).
     */
    public void start(long businessId, long campaignId) {
        if (!paceHere(businessId)) {
            log.info("Campaign {} is paced by node {}, not here", campaignId, leases.heldElsewhere(businessId).orElse("?"));
            return;
        }
        LiveCampaign campaign;
        try {
            campaign = settings.live(businessId, campaignId);
        } catch (RuntimeException unusable) {
            warnOnce(campaignId, "Campaign {} cannot be dialed: {}", unusable.getMessage());
            return;
        }
        registries.register(campaign);
        engine.run(businessId, () -> {
            Optional<Running> current = current(campaignId);
            if (current.isPresent() && !current.get().stale) {
                CampaignRunner runner = current.get().runner;
                current.get().started = true;
                // Its working hours, the business's zone or its hotlines may have changed while it was paused.
                runner.changeWindow(campaign.settings().window());
                runner.changeHotlines(campaign.settings().hotlines());
                runner.start();
                return;
            }
            BusinessDialer dialer = dialerFor(businessId, campaign::concurrentCallLimit);
            try {
                Running running = new Running(businessId, dialer.campaign(campaign.settings()));
                runners.computeIfAbsent(campaignId, ignored -> new CopyOnWriteArrayList<>()).add(running);
                running.started = true;
                running.runner.start();
            } catch (UnsupportedOperationException notYet) {
                warnOnce(campaignId, "Campaign {} is not dialed: {}", notYet.getMessage());
            }
        });
    }

    public void stop(long campaignId, boolean settingsMayChange) {
        current(campaignId).ifPresent(found -> engine.run(found.businessId, () -> current(campaignId).ifPresent(running -> {
            running.started = false;
            running.runner.stop();
            running.stale |= settingsMayChange;
        })));
    }

    /**
     * The business's RUNNING campaigns, as the pacer heartbeat read them: runs those not running
     * here yet and stops the others (their status changed through another node, whose settings may
     * have changed too).
     */
    public void runOnly(long businessId, Set<Long> running) {
        Set<Long> startedHere = startedCampaigns(businessId);
        // A status may have changed since the list was read: each one is read again before acting on it.
        running.stream().filter(id -> !startedHere.contains(id)).filter(id -> isRunning(businessId, id))
                .forEach(id -> start(businessId, id));
        startedHere.stream().filter(id -> !running.contains(id)).filter(id -> !isRunning(businessId, id))
                .forEach(id -> stop(id, true));
    }

    /** A call start found the lease taken over: this node stops dialing for the business before its heartbeat notices. */
    @EventListener
    void leaseLost(PacerLeaseLost lost) {
        log.warn("Node {} lost the pacer lease of business {} (a call start was fenced off): its dialing stops here",
                leases.node(), lost.businessId());
        stopBusiness(lost.businessId());
    }

    /**
     * The business's campaigns pace again: its open calls are counted across nodes, and calls of
     * another node ending (a previous pacer's) wake nothing here.
     */
    public void paceAgain(long businessId) {
        engine.run(businessId, () -> wake(businessId));
    }

    /** This node lost the business's pacer lease: nothing new is dialed here; calls up finish. */
    public void stopBusiness(long businessId) {
        startedCampaigns(businessId).forEach(id -> stop(id, true));
    }

    private boolean isRunning(long businessId, long campaignId) {
        try {
            return campaigns.get(businessId, campaignId).status() == CampaignStatus.RUNNING;
        } catch (NotFoundException deleted) {
            return false;
        }
    }

    /** The campaigns started on this node, by business: what this node's dialer metrics cover. */
    public Map<Long, Set<Long>> startedHere() {
        Map<Long, Set<Long>> started = new HashMap<>();
        runners.forEach((campaignId, all) -> {
            Running current = all.getLast();
            if (current.started) {
                started.computeIfAbsent(current.businessId, business -> new HashSet<>()).add(campaignId);
            }
        });
        return started;
    }

    private Set<Long> startedCampaigns(long businessId) {
        Set<Long> started = new HashSet<>();
        runners.forEach((campaignId, all) -> {
            Running current = all.getLast();
            if (current.businessId == businessId && current.started) {
                started.add(campaignId);
            }
        });
        return started;
    }

    /** The campaign's current runner; call on its business's lane. */
    public Optional<CampaignRunner> runner(long campaignId) {
        return current(campaignId).map(running -> running.runner);
    }

    /** The runner of the campaign that placed {@code call} (a stopped one finishes its calls); call on its business's lane. */
    public Optional<CampaignRunner> runnerOfCall(long campaignId, CallId call) {
        Predicate<CampaignRunner> placedIt = runner -> runner.calls().openCall(call).isPresent()
                || runner.calls().awaitingDisposition(call).isPresent();
        return runners.getOrDefault(campaignId, List.of()).stream().map(running -> running.runner)
                .filter(placedIt).findFirst();
    }

    /**
     * The call orchestrators of the campaign's runners here, the current one last (stopped runners
     * finish their calls); from any thread, for what is safe to ask from one ({@code liveRecords}).
     */
    public List<CallOrchestrator> callsOf(long campaignId) {
        return runners.getOrDefault(campaignId, List.of()).stream().map(running -> running.runner.calls()).toList();
    }

    /** Whether this node paces the business's campaigns (and so decides for them, e.g. that a list is exhausted). */
    public boolean pacesHere(long businessId) {
        return leases.holds(businessId);
    }

    /** This node paces the business from now on unless another node does (its lease taken if nobody holds it): whether it does. */
    public boolean paceHere(long businessId) {
        return leases.holds(businessId) || leases.take(businessId);
    }

    /** The node that paces the business, when it is not this one (agents' requests belong there). */
    public Optional<String> pacedElsewhere(long businessId) {
        return leases.holds(businessId) ? Optional.empty() : leases.heldElsewhere(businessId);
    }

    /**
     * 409 PACED_ELSEWHERE, naming the node, where another node paces the business: its calls, agents and queues are
     * there, and so must the requests about them be.
     */
    public void requirePacedHere(long businessId) {
        pacedElsewhere(businessId).ifPresent(node -> {
            throw new ConflictException("dialing.paced-elsewhere", new Object[] {node},
                    Map.of("reason", "PACED_ELSEWHERE", "node", node));
        });
    }

    /** The business's dialer, made now if none of its campaigns ran yet: what its inbound queues share agents with; on the business's lane. */
    public BusinessDialer dialerFor(long businessId) {
        return dialerFor(businessId, () -> settings.concurrentCallLimit(businessId));
    }

    private BusinessDialer dialerFor(long businessId, IntSupplier limit) {
        return dialers.computeIfAbsent(businessId, id -> {
            ConcurrencyLimit contract = new ConcurrencyLimit(limit.getAsInt());
            limits.put(id, contract);
            // The business's engine schedules on its own lane: telephony's events and timers come back there.
            return new BusinessDialer(id, contract, ports.withScheduler(engine.lane(id)));
        });
    }

    /** The agent switched state or opened or closed a campaign: offers go back, campaigns pace again; on the business's lane. */
    public void presenceChanged(long businessId, AgentId agent) {
        phones.plugIn(agent);
        Optional.ofNullable(dialers.get(businessId)).ifPresent(dialer -> dialer.agentPresenceChanged(agent));
    }

    /** The customer the agent holds in the business, if any; on the business's lane. */
    public Optional<AgentDesk.Holding> holding(long businessId, AgentId agent) {
        return Optional.ofNullable(dialers.get(businessId)).flatMap(dialer -> dialer.desk().holding(agent));
    }

    /** Whether the agent holds this customer of the campaign (offered, or on their call); on the business's lane. */
    public boolean holds(long businessId, AgentId agent, long campaignId, long customerId) {
        return holding(businessId, agent)
                .filter(held -> held.campaignId() == campaignId && held.customerId() == customerId).isPresent();
    }

    /** Read-only: what the business's agents are doing for the engine, for the live view; on the business's lane. */
    public Optional<AgentDesk> desk(long businessId) {
        return Optional.ofNullable(dialers.get(businessId)).map(BusinessDialer::desk);
    }

    /** "They can end it early"; on the business's lane. */
    public void endWrapUp(long businessId, AgentId agent) {
        Optional.ofNullable(dialers.get(businessId)).ifPresent(dialer -> dialer.endWrapUp(agent));
    }

    /**
     * Customers of the campaign this node still serves (held by its agents or on its calls), whose
     * leases are its own to renew, never to expire; on the business's lane.
     */
    Set<Long> heldHere(long businessId, long campaignId) {
        Set<Long> held = new HashSet<>();
        Optional.ofNullable(dialers.get(businessId)).ifPresent(dialer -> dialer.desk().addCustomersHeldIn(campaignId, held));
        runners.getOrDefault(campaignId, List.of()).forEach(running -> running.runner.calls().addCustomersOnCallsTo(held));
        return held;
    }

    /** The pacer heartbeat tries such a campaign again on every beat: one warning is enough. */
    private void warnOnce(long campaignId, String message, String detail) {
        if (warned.add(campaignId)) {
            log.warn(message, campaignId, detail);
        }
    }

    private Optional<Running> current(long campaignId) {
        List<Running> all = runners.getOrDefault(campaignId, List.of());
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
    }
}
