package dev.outdial.customer.internal;

import dev.outdial.campaign.CampaignStatus;
import dev.outdial.campaign.Campaigns;
import dev.outdial.compliance.BlockKind;
import dev.outdial.compliance.NumbersBlocked;
import dev.outdial.compliance.NumbersUnblocked;
import dev.outdial.customer.CampaignCustomersChanged;
import dev.outdial.engine.customer.CampaignRules;
import dev.outdial.engine.customer.CustomerInput;
import dev.outdial.engine.customer.CustomerLifecycle;
import dev.outdial.engine.customer.CustomerState;
import dev.outdial.engine.customer.DialType;
import dev.outdial.engine.customer.Transition;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Re-evaluates the customers of campaigns that are not ENDED when numbers join or leave the
 * blacklist or the DNC registry (SPEC §4.3: "a number removed from the list returns to the status
 * it would otherwise have"). It runs inside the list change's transaction: both commit together.
 * The dialer checks the lists again right before every dial, so this keeps the lists' statuses
 * true; it is not what keeps a listed number from being called.
 */
@Component
class ListedNumbersListener {

    /** Hold changes do not depend on the campaign's dialing rules; the state machine only needs some. */
    private static final CampaignRules ANY_RULES = CampaignRules.of(DialType.MANUAL, 1, Duration.ZERO, 0);

    private final JdbcClient db;
    private final CustomerStateRepository states;
    private final Campaigns campaigns;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ListedNumbersListener(JdbcClient db, CustomerStateRepository states, Campaigns campaigns, Clock clock,
                          ApplicationEventPublisher events) {
        this.events = events;
        this.db = db;
        this.campaigns = campaigns;
        this.states = states;
        this.clock = clock;
    }

    @EventListener
    void blocked(NumbersBlocked event) {
        apply(event.businessId(), event.numbers(),
                event.kind() == BlockKind.BLACKLIST ? new CustomerInput.Blacklisted() : new CustomerInput.DncRegistered());
    }

    @EventListener
    void unblocked(NumbersUnblocked event) {
        apply(event.businessId(), event.numbers(),
                event.kind() == BlockKind.BLACKLIST ? new CustomerInput.Unblacklisted() : new CustomerInput.DncRemoved());
    }

    private void apply(long businessId, List<String> numbers, CustomerInput input) {
        if (numbers.isEmpty()) {
            return;
        }
        List<Customer> listed = db.sql("""
                select id, campaign_id from campaign_customer
                where business_id = :business and phone in (:numbers)
                order by id
                """)
                .param("business", businessId).param("numbers", numbers)
                .query((row, n) -> new Customer(row.getLong("id"), row.getLong("campaign_id"))).list();
        Map<Long, Boolean> ended = new HashMap<>();
        List<Customer> affected = listed.stream().filter(customer -> !ended.computeIfAbsent(customer.campaignId(),
                campaignId -> campaigns.get(businessId, campaignId).status() == CampaignStatus.ENDED)).toList();
        for (Customer customer : affected) {
            CustomerState state = states.lock(businessId, customer.campaignId(), customer.id()).orElse(null);
            if (state == null) {
                continue;
            }
            Transition transition = CustomerLifecycle.apply(state, input, ANY_RULES, clock.instant());
            if (transition instanceof Transition.Applied applied && !applied.state().equals(state)) {
                states.save(customer.campaignId(), customer.id(), state, applied.state());
                events.publishEvent(new CampaignCustomersChanged(businessId, customer.campaignId()));
            }
        }
    }

    private record Customer(long id, long campaignId) {
    }
}
