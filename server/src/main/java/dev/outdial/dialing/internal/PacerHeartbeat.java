package dev.outdial.dialing.internal;

import dev.outdial.campaign.Campaigns;
import dev.outdial.campaign.RunningCampaign;
import dev.outdial.inbound.InboundCalls;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's pacer leases (ARCHITECTURE §7) and its dialers in step with them: for every
 * business with RUNNING campaigns it renews its lease or, once another node's has lapsed, takes
 * it over; then it runs the business's RUNNING campaigns and stops those no longer RUNNING (a
 * status changed through another node's API reaches this one here), and gives them their working hours and
 * hotlines as they are now ({@link SettingsFollower}). The RUNNING campaigns of every
 * business are read at once, so a beat costs the same whatever the number of businesses idle. A lease lost (this node was
 * too slow to renew, and another took over) stops the business's dialing here at once; calls up
 * finish. With real calls, a business whose queues have numbers is paced with nothing RUNNING too, so the trunk's calls
 * for it are taken on one node, where its agents work ({@link TrunkCallRouting}). Any other business with nothing
 * RUNNING gives its lease up. A node that stops gives all up.
 */
@Component
class PacerHeartbeat {

    private static final Logger log = LoggerFactory.getLogger(PacerHeartbeat.class);

    private final Campaigns campaigns;
    private final PacerLeases leases;
    private final LiveDialers dialers;
    private final SettingsFollower settings;
    private final InboundCalls inbound;
    private final boolean takesTrunkCalls;

    PacerHeartbeat(Campaigns campaigns, PacerLeases leases, LiveDialers dialers, SettingsFollower settings,
                   InboundCalls inbound, LiveTelephony telephony) {
        this.campaigns = campaigns;
        this.leases = leases;
        this.dialers = dialers;
        this.settings = settings;
        this.inbound = inbound;
        this.takesTrunkCalls = telephony.sipAdapter().isPresent();
    }

    @Scheduled(initialDelayString = "${outdial.dialing.pacer-heartbeat:PT5S}",
            fixedDelayString = "${outdial.dialing.pacer-heartbeat:PT5S}")
    void beat() {
        Map<Long, List<RunningCampaign>> running = campaigns.running().stream()
                .collect(Collectors.groupingBy(RunningCampaign::businessId));
        Set<Long> takingCalls = takesTrunkCalls ? inbound.businessesTakingCalls() : Set.of();
        // The other businesses with nothing running matter only where this node still holds their lease.
        Set<Long> beaten = new TreeSet<>(running.keySet());
        beaten.addAll(takingCalls);
        beaten.addAll(leases.held());
        for (long businessId : beaten) {
            try {
                beat(businessId, running.getOrDefault(businessId, List.of()), takingCalls.contains(businessId));
            } catch (RuntimeException failure) {
                // The next beat tries again; the lease outlives a few missed beats.
                log.warn("Pacer heartbeat of business {} failed", businessId, failure);
            }
        }
    }

    private void beat(long businessId, List<RunningCampaign> running, boolean takesCalls) {
        boolean held = leases.holds(businessId);
        if (running.isEmpty() && !takesCalls) {
            if (held) {
                leases.release(businessId);
            }
            return;
        }
        if (leases.take(businessId)) {
            if (!held) {
                log.info("Node {} paces business {} from now on", leases.node(), businessId);
            }
            dialers.refreshLimit(businessId);
            dialers.runOnly(businessId, running.stream().map(RunningCampaign::campaignId).collect(Collectors.toSet()));
            // Hours, the zone or hotlines changed through another node's API reach the campaigns here.
            settings.follow(businessId, running);
            dialers.paceAgain(businessId);
        } else if (held) {
            log.warn("Node {} lost the pacer lease of business {}: its dialing stops here", leases.node(), businessId);
            dialers.stopBusiness(businessId);
        }
    }

    @EventListener(ContextClosedEvent.class)
    void releaseAll() {
        for (long businessId : leases.held()) {
            try {
                leases.release(businessId);
            } catch (RuntimeException failure) {
                log.warn("Could not give up the pacer lease of business {}; it lapses by itself", businessId, failure);
            }
        }
    }
}
