package dev.outdial.engine.pacing;

import dev.outdial.engine.call.CallOrchestrator;
import dev.outdial.engine.call.CampaignSettings;
import dev.outdial.engine.call.Connector;
import dev.outdial.engine.call.DialOutcome;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CustomerInput;
import dev.outdial.engine.port.AgentScreen;
import dev.outdial.engine.port.AgentUpdate;
import dev.outdial.engine.port.Scheduler;
import dev.outdial.engine.rules.QueuedCustomer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Customers handed to an agent and not yet dialed: manual, until the agent dials; preview, until
 * its time (or the agent dials at once). An offer withdrawn goes back to the list; a customer an
 * agent skipped is not offered to them again.
 */
final class CustomerOffers {

    /** How long a customer of its own preview mode is shown when its campaign has no preview time of its own. */
    static final Duration OWN_PREVIEW_TIME = Duration.ofSeconds(15);

    private record Offer(QueuedCustomer customer, Instant queuedAt, Connector connector, Scheduler.Cancellable autoDial) {
    }

    private final CampaignSettings settings;
    private final long campaignId;
    private final AgentDesk desk;
    private final CallOrchestrator calls;
    private final AgentScreen screen;
    private final Scheduler scheduler;
    private final HeldCustomerDials dials;
    private final Map<AgentId, Offer> offers = new HashMap<>();
    private final Map<AgentId, Set<Long>> skipped = new HashMap<>();

    CustomerOffers(CampaignSettings settings, AgentDesk desk, CallOrchestrator calls, AgentScreen screen,
                   Scheduler scheduler, HeldCustomerDials dials) {
        this.settings = settings;
        this.campaignId = settings.campaignId();
        this.desk = desk;
        this.calls = calls;
        this.screen = screen;
        this.scheduler = scheduler;
        this.dials = dials;
    }

    /** The customer is the agent's, shown on their screen; dialed by the agent, or by {@code autoDial} at {@code dialsAt}. */
    void offer(AgentId agent, QueuedCustomer customer, Instant now, Connector connector,
               Scheduler.Cancellable autoDial, Optional<Instant> dialsAt) {
        desk.hold(agent, campaignId, customer.customerId());
        offers.put(agent, new Offer(customer, now, connector, autoDial));
        screen.show(agent, new AgentUpdate.CustomerOffered(campaignId, customer.customerId(),
                customer.phoneNumber(), dialsAt));
    }

    /** "Shows it for the preview time, then dials (the agent may dial at once)", the agent on the line. */
    void offerOwnPreview(AgentId agent, QueuedCustomer customer, Instant now) {
        Duration preview = settings.previewTime().isZero() ? OWN_PREVIEW_TIME : settings.previewTime();
        offerPreview(agent, customer, now, preview, Connector.agentOnTheLine(agent));
    }

    /** Shows the customer for {@code preview}, then dials it with {@code connector}. */
    void offerPreview(AgentId agent, QueuedCustomer customer, Instant now, Duration preview, Connector connector) {
        Scheduler.Cancellable autoDial = scheduler.at(now.plus(preview), () -> dial(agent));
        offer(agent, customer, now, connector, autoDial, Optional.of(now.plus(preview)));
    }

    boolean hasOffer(AgentId agent) {
        return offers.containsKey(agent);
    }

    boolean isOffered(AgentId agent, long customerId) {
        Offer offer = offers.get(agent);
        return offer != null && offer.customer().customerId() == customerId;
    }

    /** The agent (or the preview time) dials the customer offered. */
    DialOutcome dial(AgentId agent) {
        Offer offer = offers.remove(agent);
        if (offer == null) {
            return new DialOutcome.NotPlaced(agent + " has no customer offered");
        }
        offer.autoDial().cancel();
        return dials.dial(agent, offer.customer().customerId(), offer.queuedAt(), offer.connector());
    }

    /** The agent skips the customer offered: it goes back, never to be offered to them again. */
    boolean skip(AgentId agent) {
        Offer offer = offers.get(agent);
        if (offer == null) {
            return false;
        }
        skipped.computeIfAbsent(agent, ignored -> new HashSet<>()).add(offer.customer().customerId());
        withdraw(agent, "skipped");
        return true;
    }

    /** Customers the agent skipped. */
    Set<Long> skippedBy(AgentId agent) {
        return skipped.getOrDefault(agent, Set.of());
    }

    /** The customer offered to the agent goes back to the list, and their screen says why. */
    void withdraw(AgentId agent, String reason) {
        Offer offer = offers.remove(agent);
        if (offer == null) {
            return;
        }
        offer.autoDial().cancel();
        long customerId = offer.customer().customerId();
        calls.update(customerId, new CustomerInput.Released());
        desk.release(agent, scheduler.now());
        screen.show(agent, new AgentUpdate.OfferWithdrawn(campaignId, customerId, reason));
    }

    void withdrawAll(String reason) {
        Set.copyOf(offers.keySet()).forEach(agent -> withdraw(agent, reason));
    }
}
