package dev.outdial.dialing.internal;

import dev.outdial.campaign.Campaigns;
import dev.outdial.campaign.RunningCampaign;
import dev.outdial.customer.DialingCustomers;
import dev.outdial.engine.customer.DialType;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * "Campaigns other than auto callback pause themselves (PAUSED, reason 'list exhausted') when no
 * customer is or will become eligible; adding customers and resuming continues them" (SPEC §4.2).
 * A campaign must stay exhausted for {@code outdial.dialing.list-exhausted-after} before it
 * pauses: a list that is about to be added to, or whose last call is still being saved, is not
 * exhausted. Only the node that paces the business's campaigns decides; the pause itself is a
 * compare-and-set of the campaign's status, so two deciders would do no harm either.
 */
@Component
class ListExhaustion {

    private static final Logger log = LoggerFactory.getLogger(ListExhaustion.class);

    private final Campaigns campaigns;
    private final DialingCustomers customers;
    private final LiveDialers dialers;
    private final DialingProperties properties;
    private final Clock clock;
    private final Map<Long, Instant> exhaustedSince = new ConcurrentHashMap<>();

    ListExhaustion(Campaigns campaigns, DialingCustomers customers, LiveDialers dialers,
                   DialingProperties properties, Clock clock) {
        this.campaigns = campaigns;
        this.customers = customers;
        this.dialers = dialers;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${outdial.dialing.list-exhausted-check:PT5S}")
    void check() {
        try {
            Set<Long> running = new HashSet<>();
            for (RunningCampaign campaign : campaigns.running()) {
                if (campaign.dialMode() != DialType.AUTO_CALLBACK && dialers.pacesHere(campaign.businessId())) {
                    running.add(campaign.campaignId());
                    check(campaign.businessId(), campaign.campaignId(), clock.instant());
                }
            }
            exhaustedSince.keySet().retainAll(running);
        } catch (RuntimeException failure) {
            // The next check tries again; a passing database hiccup must not stop it.
            log.warn("List exhaustion check failed", failure);
        }
    }

    private void check(long businessId, long campaignId, Instant now) {
        if (!customers.isExhausted(campaignId)) {
            exhaustedSince.remove(campaignId);
            return;
        }
        Instant since = exhaustedSince.computeIfAbsent(campaignId, ignored -> now);
        if (!now.isBefore(since.plus(properties.listExhaustedAfter()))) {
            exhaustedSince.remove(campaignId);
            if (campaigns.pauseListExhausted(businessId, campaignId)) {
                log.info("Campaign {} paused itself: list exhausted", campaignId);
            }
        }
    }
}
