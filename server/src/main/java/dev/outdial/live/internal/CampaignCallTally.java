package dev.outdial.live.internal;

import dev.outdial.call.CallEndHandler;
import dev.outdial.call.CallEnded;
import dev.outdial.call.CallTally;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;


/**
 * A campaign's ended calls since it began ({@code live_campaign_calls}), counted as calls end: its
 * abandon rate and attempts per customer then cost a few rows, however long it ran. Counting happens
 * after the call's end is stored, from the call-end outbox, a batch of call ends at a time in the
 * transaction that removes them from it: a failure here never touches dialing, and a call end is
 * counted once, after a restart too.
 */
@Component
public class CampaignCallTally implements CallEndHandler {

    static final int SLOTS = 4;

    private final JdbcClient db;

    CampaignCallTally(JdbcClient db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "live-tally";
    }

    /** One update per campaign of the batch, in campaign order so that two nodes' batches never deadlock. */
    @Override
    public void handle(List<CallEnded> batch) {
        Map<Long, Counts> byCampaign = new TreeMap<>();
        for (CallEnded ended : batch) {
            byCampaign.computeIfAbsent(ended.campaignId(), campaign -> new Counts(ended.businessId())).add(ended);
        }
        byCampaign.forEach((campaignId, counts) -> {
            int slot = ThreadLocalRandom.current().nextInt(SLOTS);
            if (add(campaignId, slot, counts) == 0) {
                // A campaign's first call end: a duplicate key (another node first) fails the batch,
                // whose call ends are then counted one by one, finding the row.
                insert(campaignId, slot, counts);
            }
        });
    }

    /** A campaign's ended calls of one batch. */
    private static final class Counts {

        final long businessId;
        long dials;
        long contacts;
        long abandoned;

        Counts(long businessId) {
            this.businessId = businessId;
        }

        void add(CallEnded ended) {
            dials++;
            contacts += "SUCCESS".equals(ended.result()) ? 1 : 0;
            abandoned += "ABANDONED".equals(ended.result()) ? 1 : 0;
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

    private int add(long campaignId, int slot, Counts counts) {
        return db.sql("""
                update live_campaign_calls set dials = dials + :dials, contacts = contacts + :contacts,
                    abandoned = abandoned + :abandoned
                where campaign_id = :campaign and slot = :slot
                """)
                .param("dials", counts.dials).param("contacts", counts.contacts).param("abandoned", counts.abandoned)
                .param("campaign", campaignId).param("slot", slot).update();
    }

    private void insert(long campaignId, int slot, Counts counts) {
        db.sql("""
                insert into live_campaign_calls (campaign_id, business_id, slot, dials, contacts, abandoned)
                values (:campaign, :business, :slot, :dials, :contacts, :abandoned)
                """)
                .param("campaign", campaignId).param("business", counts.businessId).param("slot", slot)
                .param("dials", counts.dials).param("contacts", counts.contacts).param("abandoned", counts.abandoned)
                .update();
    }
}
