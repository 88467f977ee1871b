package dev.outdial.customer.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What agents' work leaves on a customer besides its dialing state, for the list's columns
 * (SPEC §4.3 "account manager", "classification"): who manages it, and the last word on it.
 */
@Repository
public class CustomerOutcomeRepository {

    private final JdbcClient db;

    CustomerOutcomeRepository(JdbcClient db) {
        this.db = db;
    }

    public void assignAccountManager(long campaignId, long customerId, long userId) {
        db.sql("update campaign_customer set account_manager_id = :user where campaign_id = :campaign and id = :id")
                .param("user", userId).param("campaign", campaignId).param("id", customerId).update();
    }

    public void classify(long campaignId, long customerId, long classificationId) {
        db.sql("update campaign_customer set classification_id = :classification where campaign_id = :campaign and id = :id")
                .param("classification", classificationId).param("campaign", campaignId).param("id", customerId)
                .update();
    }
}
