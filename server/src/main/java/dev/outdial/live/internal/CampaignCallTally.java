package dev.outdial.live.internal;

import dev.outdial.call.CallEnded;
import dev.outdial.call.CallTally;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A campaign's ended calls since it began ({@code live_campaign_calls}), counted as each call
 * ends: its abandon rate and attempts per customer then cost a few rows, however long it ran.
 * Counting happens after the call's end is stored and in its own transaction, so a failure here
 * never touches dialing; the event publication registry keeps the call's end until it is counted,
 * and hands it back later (after a restart too) if counting failed.
 */
@Component
public class CampaignCallTally {

    static final int SLOTS = 4;

    private final JdbcClient db;
    private final TransactionTemplate ownTransaction;

    CampaignCallTally(JdbcClient db, PlatformTransactionManager transactions) {
        this.db = db;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @ApplicationModuleListener
    void on(CallEnded ended) {
        long contacts = "SUCCESS".equals(ended.result()) ? 1 : 0;
        long abandoned = "ABANDONED".equals(ended.result()) ? 1 : 0;
        int slot = ThreadLocalRandom.current().nextInt(SLOTS);
        if (!ownTransaction.execute(status -> add(ended.campaignId(), slot, contacts, abandoned) > 0)) {
            try {
                ownTransaction.executeWithoutResult(status -> insert(ended, slot, contacts, abandoned));
            } catch (DuplicateKeyException raced) {
                // Another node created the row first: add to it.
                ownTransaction.execute(status -> add(ended.campaignId(), slot, contacts, abandoned));
            }
        }
    }

    /** The campaign's ended calls so far. */
    public CallTally of(long businessId, long campaignId) {
        return db.sql("""
                select coalesce(sum(dials), 0) as dials, coalesce(sum(contacts), 0) as contacts,
                       coalesce(sum(abandoned), 0) as abandoned
                from live_campaign_calls where business_id = :business and campaign_id = :campaign
                """)
                .param("business", businessId).param("campaign", campaignId)
                .query((row, n) -> new CallTally(row.getLong("dials"), row.getLong("contacts"), row.getLong("abandoned")))
                .single();
    }

    private int add(long campaignId, int slot, long contacts, long abandoned) {
        return db.sql("""
                update live_campaign_calls set dials = dials + 1, contacts = contacts + :contacts,
                    abandoned = abandoned + :abandoned
                where campaign_id = :campaign and slot = :slot
                """)
                .param("contacts", contacts).param("abandoned", abandoned).param("campaign", campaignId)
                .param("slot", slot).update();
    }

    private void insert(CallEnded ended, int slot, long contacts, long abandoned) {
        db.sql("""
                insert into live_campaign_calls (campaign_id, business_id, slot, dials, contacts, abandoned)
                values (:campaign, :business, :slot, 1, :contacts, :abandoned)
                """)
                .param("campaign", ended.campaignId()).param("business", ended.businessId()).param("slot", slot)
                .param("contacts", contacts).param("abandoned", abandoned).update();
    }
}
