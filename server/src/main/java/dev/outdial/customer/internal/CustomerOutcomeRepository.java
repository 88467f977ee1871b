package dev.outdial.customer.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What agents' work leaves on a customer besides its dialing state, for the list's columns
 * (SPEC §4.3 "account manager", "classification"): who manages it, and the last word on it.
 */
@Repository
public class CustomerOutcomeRepository {

    private final JdbcClient db;
    private final CustomerStateRepository states;
    private final CustomerCounts counts;
    private final LockedCustomers lockedCustomers;

    CustomerOutcomeRepository(JdbcClient db, CustomerStateRepository states, CustomerCounts counts,
                              LockedCustomers lockedCustomers) {
        this.db = db;
        this.lockedCustomers = lockedCustomers;
        this.states = states;
        this.counts = counts;
    }

    public void assignAccountManager(long campaignId, long customerId, long userId) {
        db.sql("update campaign_customer set account_manager_id = :user where campaign_id = :campaign and id = :id")
                .param("user", userId).param("campaign", campaignId).param("id", customerId).update();
    }

    /**
     * Sets the classification, under the row's lock so the progress counts move with it. The customer's row was
     * locked already when this transaction moved it (an agent's word, an IVR's end): it is not read again then.
     */
    public void classify(long campaignId, long customerId, long classificationId) {
        CustomerStateRepository.Counted before = lockedCustomers.of(customerId)
                .orElseGet(() -> states.lockCounted(campaignId, List.of(customerId), "").get(customerId));
        if (before == null) {
            return;
        }
        int updated = db.sql("""
                        update campaign_customer set classification_id = :classification
                        where campaign_id = :campaign and id = :id
                        """)
                .param("classification", classificationId).param("campaign", campaignId).param("id", customerId)
                .update();
        if (updated == 0) {
            lockedCustomers.forget(customerId);
            return;
        }
        CustomerStateRepository.Counted after = new CustomerStateRepository.Counted(before.state(), classificationId);
        lockedCustomers.known(customerId, after);
        counts.moved(campaignId, customerId, before.key(), after.key());
    }
}
