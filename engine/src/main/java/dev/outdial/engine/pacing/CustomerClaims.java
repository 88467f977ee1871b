package dev.outdial.engine.pacing;

import dev.outdial.engine.call.CampaignSettings;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.port.AgentPool;
import dev.outdial.engine.port.CallLog;
import dev.outdial.engine.port.CustomerStore;
import dev.outdial.engine.port.Scheduler;
import dev.outdial.engine.rules.QueuedCustomer;
import dev.outdial.engine.rules.Recipient;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Claims a campaign's next customer from the store, for one agent or for the pool, under a lease this node renews. */
final class CustomerClaims {

    private final CampaignSettings settings;
    private final long campaignId;
    private final CustomerStore customers;
    private final AgentPool agents;
    private final Scheduler scheduler;
    private final CustomerOffers offers;
    private final CallLog transactions;

    CustomerClaims(CampaignSettings settings, CustomerStore customers, AgentPool agents, Scheduler scheduler,
                   CustomerOffers offers, CallLog transactions) {
        this.settings = settings;
        this.transactions = transactions;
        this.campaignId = settings.campaignId();
        this.customers = customers;
        this.agents = agents;
        this.scheduler = scheduler;
        this.offers = offers;
    }

    /**
     * The next customer for the agent (not one they skipped), counted as received by them: the claim
     * and the receipt commit together (issue 18: one commit instead of two, and never a customer
     * claimed for an agent whose daily quota does not count it).
     */
    Optional<QueuedCustomer> forAgent(AgentId agent, Instant now) {
        return forAgent(agent, now, Function.identity());
    }

    /**
     * {@link #forAgent(AgentId, Instant)}, with what {@code then} decides for the customer (its dial's
     * passage) in the same transaction: one commit for the claim and the dial (issue 18).
     */
    <T> Optional<T> forAgent(AgentId agent, Instant now, Function<QueuedCustomer, T> then) {
        Recipient recipient = Recipient.agent(agent, agents.loggedIn(campaignId)).declining(offers.skippedBy(agent));
        return transactions.atomically(() -> {
            List<QueuedCustomer> taken = customers.claimNext(campaignId, recipient, 1, now, leaseUntil());
            taken.forEach(customer -> agents.received(agent, campaignId, customer.customerId(), now));
            return taken.stream().findFirst().map(then);
        });
    }

    /**
     * The next customer for anyone of the pool (nobody's until they answer), with what {@code then}
     * decides for it in the same transaction, as {@link #forAgent(AgentId, Instant, Function)}.
     */
    <T> List<T> forPool(Recipient pool, Instant now, Function<QueuedCustomer, T> then) {
        return transactions.atomically(() ->
                customers.claimNext(campaignId, pool, 1, now, leaseUntil()).stream().map(then).toList());
    }

    Instant leaseUntil() {
        return scheduler.now().plus(settings.lease());
    }
}
