package dev.outdial.dialing.internal;

import dev.outdial.business.Business;
import dev.outdial.business.BusinessChanged;
import dev.outdial.business.Businesses;
import dev.outdial.campaign.Campaign;
import dev.outdial.campaign.CampaignStatus;
import dev.outdial.campaign.CampaignStatusChanged;
import dev.outdial.campaign.Campaigns;
import dev.outdial.customer.CampaignCustomersChanged;
import dev.outdial.customer.DialingCustomers;
import dev.outdial.engine.call.CampaignSettings;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.pacing.AgentDesk;
import dev.outdial.engine.pacing.BusinessDialer;
import dev.outdial.engine.pacing.CampaignRunner;
import dev.outdial.engine.pacing.EnginePorts;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.rules.ConcurrencyLimit;
import dev.outdial.engine.port.Telephony;
import dev.outdial.engine.sim.SimulatedAgents;
import dev.outdial.shared.NotFoundException;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
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
 * <p>Everything here but reading settings runs on the {@link EngineThread}; the maps need no locks.
 */
@Component
public class LiveDialers {

    private static final Logger log = LoggerFactory.getLogger(LiveDialers.class);

    /** A campaign's runner and whether its settings may have changed since it was built (back to UNAPPROVED). */
    private static final class Running {
        private final long businessId;
        private final CampaignRunner runner;
        private boolean stale;
        private boolean started;

        private Running(long businessId, CampaignRunner runner) {
            this.businessId = businessId;
            this.runner = runner;
        }
    }

    private final EngineThread engine;
    private final EngineCampaigns settings;
    private final DialingCustomers customers;
    private final Campaigns campaigns;
    private final Businesses businesses;
    private final AgentPhones phones;
    private final AccountManagers accountManagers;
    private final CallTickets tickets;
    private final PacerLeases leases;
    private final EnginePorts ports;
    private final Map<Long, BusinessDialer> dialers = new HashMap<>();
    /** Each business's contract limit, shared by its dialer and campaigns, changed in place. */
    private final Map<Long, ConcurrencyLimit> limits = new HashMap<>();
    private final Set<Long> warned = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Per campaign, every runner it had on this node, the current one last. */
    private final Map<Long, List<Running>> runners = new HashMap<>();

    LiveDialers(EngineThread engine, EngineCampaigns settings, DialingCustomers customers, Campaigns campaigns,
                Businesses businesses, AgentPhones phones, AccountManagers accountManagers, CallTickets tickets,
                PacerLeases leases, Telephony telephony,
                AgentSessions sessions, LiveNumberLists lists, CallRecordRepository calls, AgentEventStream screen,
                SimulatedAgents bots, ApplicationEventPublisher events, MeterRegistry registry) {
        this.engine = engine;
        this.settings = settings;
        this.customers = customers;
        this.campaigns = campaigns;
        this.businesses = businesses;
        this.phones = phones;
        this.accountManagers = accountManagers;
        this.tickets = tickets;
        this.leases = leases;
        // What the engine shows an agent goes to their page and, for a simulated agent, to the bot in their seat.
        this.ports = new EnginePorts(engine, telephony, new TimedCustomerStore(customers, registry), sessions, lists,
                new ClassifyingCallLog(calls, customers, events, registry),
                (agent, update) -> {
                    screen.show(agent, update);
                    bots.show(agent, update);
                });
    }

    /** First among the listeners of the ready application, so whatever seats agents finds the runners. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void startRunningCampaigns() {
        for (Business business : businesses.list()) {
            for (Campaign campaign : campaigns.list(business.id(), null, CampaignStatus.RUNNING, null)) {
                start(business.id(), campaign.id());
            }
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
        engine.run(() -> Optional.ofNullable(limits.get(businessId)).ifPresent(current -> {
            if (current.contractLimit() != limit) {
                log.info("Business {} may now have {} concurrent calls (was {})", businessId, limit, current.contractLimit());
                current.changeTo(limit);
                wake(businessId);
            }
        }));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void customersChanged(CampaignCustomersChanged change) {
        engine.run(() -> wake(change.businessId()));
    }

    /** Customers may have become eligible: the business's campaigns pace again; on the engine thread. */
    public void wake(long businessId) {
        Optional.ofNullable(dialers.get(businessId)).ifPresent(BusinessDialer::wake);
    }

    /**
     * Runs the campaign: its runner again if its settings cannot have changed, else a new one; only
     * on the node holding the business's pacer lease (taken now if nobody holds it).
     */
    public void start(long businessId, long campaignId) {
        if (!leases.holds(businessId) && !leases.take(businessId)) {
            log.info("Campaign {} is paced by node {}, not here", campaignId, leases.heldElsewhere(businessId).orElse("?"));
            return;
        }
        CampaignSettings campaign;
        int limit;
        try {
            campaign = settings.settingsOf(businessId, campaignId);
            limit = settings.concurrentCallLimit(businessId);
            accountManagers.register(campaignId, settings.autoAssignsAccountManager(businessId, campaignId));
            tickets.register(campaignId, settings.createsTicketPerCall(businessId, campaignId));
        } catch (RuntimeException unusable) {
            warnOnce(campaignId, "Campaign {} cannot be dialed: {}", unusable.getMessage());
            return;
        }
        customers.register(campaignId, campaign.rules());
        engine.run(() -> {
            Optional<Running> current = current(campaignId);
            if (current.isPresent() && !current.get().stale) {
                current.get().started = true;
                current.get().runner.start();
                return;
            }
            BusinessDialer dialer = dialerFor(businessId, () -> limit);
            try {
                Running running = new Running(businessId, dialer.campaign(campaign));
                runners.computeIfAbsent(campaignId, ignored -> new ArrayList<>()).add(running);
                running.started = true;
                running.runner.start();
            } catch (UnsupportedOperationException notYet) {
                warnOnce(campaignId, "Campaign {} is not dialed: {}", notYet.getMessage());
            }
        });
    }

    public void stop(long campaignId, boolean settingsMayChange) {
        engine.run(() -> current(campaignId).ifPresent(running -> {
            running.started = false;
            running.runner.stop();
            running.stale |= settingsMayChange;
        }));
    }

    /**
     * The business's RUNNING campaigns, as the pacer heartbeat read them: runs those not running
     * here yet and stops the others (their status changed through another node, whose settings may
     * have changed too).
     */
    public void runOnly(long businessId, Set<Long> running) {
        Set<Long> startedHere = engine.call(() -> startedCampaigns(businessId));
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
        engine.run(() -> wake(businessId));
    }

    /** This node lost the business's pacer lease: nothing new is dialed here; calls up finish. */
    public void stopBusiness(long businessId) {
        engine.call(() -> startedCampaigns(businessId)).forEach(id -> stop(id, true));
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
        return engine.call(() -> {
            Map<Long, Set<Long>> started = new HashMap<>();
            runners.forEach((campaignId, all) -> {
                Running current = all.getLast();
                if (current.started) {
                    started.computeIfAbsent(current.businessId, business -> new HashSet<>()).add(campaignId);
                }
            });
            return started;
        });
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

    /** The campaign's current runner; call on the engine thread. */
    public Optional<CampaignRunner> runner(long campaignId) {
        return current(campaignId).map(running -> running.runner);
    }

    /** The runner of the campaign that placed {@code call} (a stopped one finishes its calls); call on the engine thread. */
    public Optional<CampaignRunner> runnerOfCall(long campaignId, CallId call) {
        Predicate<CampaignRunner> placedIt = runner -> runner.calls().openCall(call).isPresent()
                || runner.calls().awaitingDisposition(call).isPresent();
        return runners.getOrDefault(campaignId, List.of()).stream().map(running -> running.runner)
                .filter(placedIt).findFirst();
    }

    /** Whether this node paces the business's campaigns (and so decides for them, e.g. that a list is exhausted). */
    public boolean pacesHere(long businessId) {
        return leases.holds(businessId);
    }

    /** The node that paces the business, when it is not this one (agents' requests belong there). */
    public Optional<String> pacedElsewhere(long businessId) {
        return leases.holds(businessId) ? Optional.empty() : leases.heldElsewhere(businessId);
    }

    /** The business's dialer, made now if none of its campaigns ran yet: what its inbound queues share agents with; on the engine thread. */
    public BusinessDialer dialerFor(long businessId) {
        return dialerFor(businessId, () -> settings.concurrentCallLimit(businessId));
    }

    private BusinessDialer dialerFor(long businessId, IntSupplier limit) {
        return dialers.computeIfAbsent(businessId, id -> {
            ConcurrencyLimit contract = new ConcurrencyLimit(limit.getAsInt());
            limits.put(id, contract);
            return new BusinessDialer(id, contract, ports);
        });
    }

    /** The agent switched state or opened or closed a campaign: offers go back, campaigns pace again; on the engine thread. */
    public void presenceChanged(long businessId, AgentId agent) {
        phones.plugIn(agent);
        Optional.ofNullable(dialers.get(businessId)).ifPresent(dialer -> dialer.agentPresenceChanged(agent));
    }

    /** The customer the agent holds in the business, if any; on the engine thread. */
    public Optional<AgentDesk.Holding> holding(long businessId, AgentId agent) {
        return Optional.ofNullable(dialers.get(businessId)).flatMap(dialer -> dialer.desk().holding(agent));
    }

    /** Whether the agent holds this customer of the campaign (offered, or on their call); on the engine thread. */
    public boolean holds(long businessId, AgentId agent, long campaignId, long customerId) {
        return holding(businessId, agent)
                .filter(held -> held.campaignId() == campaignId && held.customerId() == customerId).isPresent();
    }

    /** Read-only: what the business's agents are doing for the engine, for the live view; on the engine thread. */
    public Optional<AgentDesk> desk(long businessId) {
        return Optional.ofNullable(dialers.get(businessId)).map(BusinessDialer::desk);
    }

    /** "They can end it early"; on the engine thread. */
    public void endWrapUp(long businessId, AgentId agent) {
        Optional.ofNullable(dialers.get(businessId)).ifPresent(dialer -> dialer.endWrapUp(agent));
    }

    /**
     * Customers of the campaign this node still serves (held by its agents or on its calls), whose
     * leases are its own to renew, never to expire; on the engine thread.
     */
    Set<Long> heldHere(long businessId, long campaignId) {
        Set<Long> held = new HashSet<>();
        Optional.ofNullable(dialers.get(businessId)).ifPresent(dialer -> held.addAll(dialer.desk().customersHeldIn(campaignId)));
        runners.getOrDefault(campaignId, List.of()).forEach(running -> held.addAll(running.runner.calls().customersOnCalls()));
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
