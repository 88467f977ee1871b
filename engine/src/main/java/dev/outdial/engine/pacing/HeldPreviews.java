package dev.outdial.engine.pacing;

import dev.outdial.engine.call.CallOrchestrator;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CustomerInput;
import dev.outdial.engine.port.AgentPool;
import dev.outdial.engine.rules.QueuedCustomer;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Customers of their own preview mode claimed by a pool dial (SPEC §4.3): held, claimed, until an
 * agent is free to preview them, longest idle agent first. No more are held than agents could
 * preview at once; the others go back, and pool dials leave them until the held ones are previewed.
 */
final class HeldPreviews {

    private final long campaignId;
    private final AgentPool agents;
    private final CallOrchestrator calls;
    private final CustomerOffers offers;
    private final Runnable wake;
    private final Deque<QueuedCustomer> due = new ArrayDeque<>();
    /** Such customers given back because enough are held already. */
    private final Set<Long> later = new HashSet<>();

    HeldPreviews(long campaignId, AgentPool agents, CallOrchestrator calls, CustomerOffers offers, Runnable wake) {
        this.campaignId = campaignId;
        this.agents = agents;
        this.calls = calls;
        this.offers = offers;
        this.wake = wake;
    }

    void hold(QueuedCustomer customer) {
        if (due.size() < Math.max(1, agents.available(campaignId).size())) {
            due.addLast(customer);
            // A free agent may preview it in the next round rather than at the next call's end.
            wake.run();
        } else {
            calls.update(customer.customerId(), new CustomerInput.Released());
            later.add(customer.customerId());
        }
    }

    boolean isEmpty() {
        return due.isEmpty();
    }

    /** Free agents preview the held customers first, longest idle first; the pool dials for the rest. */
    void offerTo(List<AgentId> freeAgents, Instant now) {
        for (AgentId agent : freeAgents) {
            // Not back to an agent who skipped the customer: another agent previews it.
            Set<Long> declined = offers.skippedBy(agent);
            Optional<QueuedCustomer> customer = due.stream()
                    .filter(held -> !declined.contains(held.customerId())).findFirst();
            customer.ifPresent(chosen -> {
                due.remove(chosen);
                agents.received(agent, campaignId, chosen.customerId(), now);
                offers.offerOwnPreview(agent, chosen, now);
            });
        }
        if (due.isEmpty()) {
            later.clear();
        }
    }

    /** Customers given back while enough were held: pool dials leave them for now. */
    Set<Long> givenBack() {
        return later;
    }

    /** Their leases are this node's to renew. */
    void addCustomerIdsTo(Set<Long> held) {
        due.forEach(customer -> held.add(customer.customerId()));
    }

    /** The campaign stopped: every held customer goes back. */
    void releaseAll() {
        due.forEach(customer -> calls.update(customer.customerId(), new CustomerInput.Released()));
        due.clear();
        later.clear();
    }
}
