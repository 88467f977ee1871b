package dev.outdial.dialing.internal;

import dev.outdial.call.DialingCalls;
import dev.outdial.customer.DialingCustomers;
import dev.outdial.engine.call.CampaignSettings;
import dev.outdial.engine.call.LapsedClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives back what a dead node left, in every campaign: a running campaign's runner expires lapsed
 * claims itself on its heartbeat, but a campaign paused or ended while its node died (or stopped
 * on this node) has no heartbeat and would keep its customers IN_PROGRESS and its calls open for
 * ever. Issue 5: after a kill "every call that was up is closed as NETWORK_ERROR (no attempt
 * consumed), every customer it held is eligible again". Expiring is a compare-and-set, so running
 * alongside a runner's own heartbeat is harmless.
 */
@Component
class LapsedClaimsSweep {

    private static final Logger log = LoggerFactory.getLogger(LapsedClaimsSweep.class);

    private final EngineThread engine;
    private final DialingCustomers customers;
    private final DialingCalls calls;
    private final EngineCampaigns settings;
    private final LiveDialers dialers;

    LapsedClaimsSweep(EngineThread engine, DialingCustomers customers, DialingCalls calls,
                      EngineCampaigns settings, LiveDialers dialers) {
        this.engine = engine;
        this.customers = customers;
        this.calls = calls;
        this.settings = settings;
        this.dialers = dialers;
    }

    @Scheduled(fixedDelayString = "${outdial.dialing.sweep-interval:PT10S}")
    void sweep() {
        try {
            for (DialingCustomers.CampaignRef lapsed : customers.campaignsWithLapsedClaims(engine.now())) {
                expire(lapsed);
            }
        } catch (RuntimeException failure) {
            // The next sweep tries again; a passing database hiccup must not stop it.
            log.warn("Lapsed claims sweep failed", failure);
        }
    }

    private void expire(DialingCustomers.CampaignRef lapsed) {
        CampaignSettings campaign = settings.settingsOf(lapsed.businessId(), lapsed.campaignId());
        customers.register(lapsed.campaignId(), campaign.rules());
        LapsedClaims claims = new LapsedClaims(campaign, customers, calls);
        int expired = engine.call(lapsed.businessId(), () -> {
            int given = claims.expire(engine.now(), dialers.heldHere(lapsed.businessId(), lapsed.campaignId()));
            dialers.wake(lapsed.businessId());
            return given;
        });
        log.info("{} lapsed claim(s) of campaign {} given back", expired, lapsed.campaignId());
    }
}
