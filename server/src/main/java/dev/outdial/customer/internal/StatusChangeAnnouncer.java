package dev.outdial.customer.internal;

import dev.outdial.customer.CustomerStatusChanged;
import dev.outdial.engine.customer.CustomerState;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Announces each change of a customer's shown status as {@link CustomerStatusChanged}. Every
 * status write of a single customer goes through {@link CustomerStateRepository#save}, which calls
 * this, so a change is announced exactly once, in its own transaction (a rollback takes the
 * webhook delivery it caused with it). The event is in-process and cheap; listeners decide whether
 * anyone outside wants it.
 */
@Component
class StatusChangeAnnouncer {

    /** A campaign never moves to another business, so its business is looked up once. */
    private final Map<Long, Long> businessOfCampaign = new ConcurrentHashMap<>();
    private final JdbcClient db;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StatusChangeAnnouncer(JdbcClient db, ApplicationEventPublisher events, Clock clock) {
        this.db = db;
        this.events = events;
        this.clock = clock;
    }

    void saved(long campaignId, long customerId, CustomerState before, CustomerState after) {
        if (before.status() == after.status()) {
            return;
        }
        events.publishEvent(new CustomerStatusChanged(businessOf(campaignId, customerId), campaignId, customerId,
                before.status(), after.status(), after.totalAttempts(), after.cycleAttempts(), clock.instant()));
    }

    private long businessOf(long campaignId, long customerId) {
        Long known = businessOfCampaign.get(campaignId);
        if (known != null) {
            return known;
        }
        long business = db.sql("select business_id from campaign_customer where id = :id")
                .param("id", customerId).query(Long.class).single();
        businessOfCampaign.put(campaignId, business);
        return business;
    }
}
