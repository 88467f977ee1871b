package dev.outdial.dialing.internal;

import dev.outdial.customer.DialingCustomers;
import dev.outdial.engine.customer.AgentId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * "Auto-assign account manager to the agent who receives the customer" (SPEC §4.1): for the
 * campaigns whose setting is on, each customer handed to an agent gets that agent as its account
 * manager. The dialer registers each campaign's setting when it starts running it.
 */
@Component
class AccountManagers {

    private final Set<Long> assigning = ConcurrentHashMap.newKeySet();
    private final DialingCustomers customers;

    AccountManagers(DialingCustomers customers) {
        this.customers = customers;
    }

    void register(long campaignId, boolean autoAssign) {
        if (autoAssign) {
            assigning.add(campaignId);
        } else {
            assigning.remove(campaignId);
        }
    }

    void received(AgentId agent, long campaignId, long customerId) {
        if (assigning.contains(campaignId)) {
            customers.assignAccountManager(campaignId, customerId, Long.parseLong(agent.value()));
        }
    }
}
