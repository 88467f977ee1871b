package dev.outdial.customer;

import dev.outdial.customer.internal.CustomerOutcomeRepository;
import dev.outdial.customer.internal.JdbcCustomerStore;
import dev.outdial.engine.customer.CampaignRules;
import dev.outdial.engine.customer.CustomerState;
import dev.outdial.engine.customer.Transition;
import dev.outdial.engine.port.CustomerStore;
import dev.outdial.engine.rules.QueuedCustomer;
import dev.outdial.engine.rules.Recipient;
import dev.outdial.shared.NodeId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customers of campaigns as the dialing engine sees them: its {@link CustomerStore} over the
 * table this module owns. Claims carry this node's lease; every change is a compare-and-set in its
 * own transaction, so an admin's pause or a blacklist sync between two steps of a call is never
 * overwritten. The dialer {@link #register registers} each campaign's rules before it dials.
 *
 * <p>A read of one statement opens no transaction of its own (it joins the caller's, if any): the
 * statement is its own snapshot, and a BEGIN and a COMMIT around it would be two more round trips of
 * the business's dialing thread at every pacing round.
 */
@Service
public class DialingCustomers implements CustomerStore {

    private final JdbcCustomerStore store;
    private final CustomerOutcomeRepository outcomes;
    private final NodeId node;
    private final Map<Long, CampaignRules> rules = new ConcurrentHashMap<>();

    DialingCustomers(JdbcCustomerStore store, CustomerOutcomeRepository outcomes, NodeId node) {
        this.store = store;
        this.outcomes = outcomes;
        this.node = node;
    }

    /** The campaign's rules, which decide who is eligible: maximum calls, callback grace, error retries. */
    public void register(long campaignId, CampaignRules campaignRules) {
        rules.put(campaignId, campaignRules);
    }

    @Override
    @Transactional
    public List<QueuedCustomer> claimNext(long campaignId, Recipient recipient, int max, Instant now, Instant leaseUntil) {
        return store.claimNext(campaignId, rulesOf(campaignId), recipient, max, now, leaseUntil, node.value());
    }

    @Override
    public Optional<QueuedCustomer> find(long campaignId, long customerId) {
        return store.find(campaignId, customerId);
    }

    @Override
    @Transactional
    public boolean record(long campaignId, long customerId, CustomerState expected, Transition.Applied transition) {
        return store.compareAndSet(campaignId, customerId, expected, transition.state(), node.value());
    }

    /** The customer's row locked, the step applied and stored: one transaction, not a read and a compare-and-set. */
    @Override
    @Transactional
    public Optional<Transition> update(long campaignId, long customerId, Function<CustomerState, Transition> step) {
        return store.update(campaignId, customerId, step, node.value());
    }

    /** A lease beat's renewals: the held customers' rows locked together, stepped and stored, one commit. */
    @Override
    @Transactional
    public void updateEach(long campaignId, Collection<Long> customerIds, Function<CustomerState, Transition> step) {
        store.updateEach(campaignId, customerIds, step, node.value());
    }

    @Override
    public List<QueuedCustomer> lapsedClaims(long campaignId, Instant now) {
        return store.lapsedClaims(campaignId, now);
    }

    /** A campaign of a business. */
    public record CampaignRef(long businessId, long campaignId) {
    }

    /** Campaigns where some claim lapsed: a crashed node's leftovers, to give back whether or not the campaign runs here. */
    public List<CampaignRef> campaignsWithLapsedClaims(Instant now) {
        return store.campaignsWithLapsedClaims(now);
    }

    @Override
    public Optional<Instant> nextDueAfter(long campaignId, Instant now) {
        return store.nextDueAfter(campaignId, now);
    }

    /** SPEC §4.2 "list exhausted": customers, and none is or will become eligible; false for a campaign not registered. */
    @Transactional(readOnly = true)
    public boolean isExhausted(long campaignId) {
        CampaignRules campaignRules = rules.get(campaignId);
        return campaignRules != null && store.isExhausted(campaignId, campaignRules);
    }

    /** "Auto-assign account manager to the agent who receives the customer" (SPEC §4.1), when the campaign asks. */
    @Transactional
    public void assignAccountManager(long campaignId, long customerId, long agentUserId) {
        outcomes.assignAccountManager(campaignId, customerId, agentUserId);
    }

    /** The agent's classification of the customer's last reached call: the list's "classification" (SPEC §4.3). */
    @Transactional
    public void classify(long campaignId, long customerId, long classificationId) {
        outcomes.classify(campaignId, customerId, classificationId);
    }

    private CampaignRules rulesOf(long campaignId) {
        CampaignRules campaignRules = rules.get(campaignId);
        if (campaignRules == null) {
            throw new IllegalStateException("campaign " + campaignId + " was not registered for dialing");
        }
        return campaignRules;
    }
}
