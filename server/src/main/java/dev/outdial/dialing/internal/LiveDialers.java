package dev.outdial.dialing.internal;

import dev.outdial.business.Business;
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
import dev.outdial.engine.sim.SimulatedAgents;
import dev.outdial.engine.sim.SimulatedCarrier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        private final CampaignRunner runner;
        private boolean stale;

        private Running(CampaignRunner runner) {
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
    private final EnginePorts ports;
    private final Map<Long, BusinessDialer> dialers = new HashMap<>();
    /** Per campaign, every runner it had on this node, the current one last. */
    private final Map<Long, List<Running>> runners = new HashMap<>();

    LiveDialers(EngineThread engine, EngineCampaigns settings, DialingCustomers customers, Campaigns campaigns,
                Businesses businesses, AgentPhones phones, AccountManagers accountManagers, SimulatedCarrier carrier,
                AgentSessions sessions, LiveNumberLists lists, CallRecordRepository calls, AgentEventStream screen,
                SimulatedAgents bots, ApplicationEventPublisher events) {
        this.engine = engine;
        this.settings = settings;
        this.customers = customers;
        this.campaigns = campaigns;
        this.businesses = businesses;
        this.phones = phones;
        this.accountManagers = accountManagers;
        // What the engine shows an agent goes to their page and, for a simulated agent, to the bot in their seat.
        this.ports = new EnginePorts(engine, carrier, customers, sessions, lists, new ClassifyingCallLog(calls, customers, events),
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

    @TransactionalEventListener(fallbackExecution = true)
    void customersChanged(CampaignCustomersChanged change) {
        engine.run(() -> wake(change.businessId()));
    }

    /** Customers may have become eligible: the business's campaigns pace again; on the engine thread. */
    public void wake(long businessId) {
        Optional.ofNullable(dialers.get(businessId)).ifPresent(BusinessDialer::wake);
    }

    /** Runs the campaign: its runner again if its settings cannot have changed, else a new one. */
    public void start(long businessId, long campaignId) {
        CampaignSettings campaign;
        int limit;
        try {
            campaign = settings.settingsOf(businessId, campaignId);
            limit = settings.concurrentCallLimit(businessId);
            accountManagers.register(campaignId, settings.autoAssignsAccountManager(businessId, campaignId));
        } catch (RuntimeException unusable) {
            log.warn("Campaign {} cannot be dialed: {}", campaignId, unusable.getMessage());
            return;
        }
        customers.register(campaignId, campaign.rules());
        engine.run(() -> {
            Optional<Running> current = current(campaignId);
            if (current.isPresent() && !current.get().stale) {
                current.get().runner.start();
                return;
            }
            BusinessDialer dialer = dialers.computeIfAbsent(businessId,
                    id -> new BusinessDialer(id, new ConcurrencyLimit(limit), ports));
            try {
                Running running = new Running(dialer.campaign(campaign));
                runners.computeIfAbsent(campaignId, ignored -> new ArrayList<>()).add(running);
                running.runner.start();
            } catch (UnsupportedOperationException notYet) {
                log.warn("Campaign {} is not dialed: {}", campaignId, notYet.getMessage());
            }
        });
    }

    public void stop(long campaignId, boolean settingsMayChange) {
        engine.run(() -> current(campaignId).ifPresent(running -> {
            running.runner.stop();
            running.stale |= settingsMayChange;
        }));
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

    private Optional<Running> current(long campaignId) {
        List<Running> all = runners.getOrDefault(campaignId, List.of());
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
    }
}
