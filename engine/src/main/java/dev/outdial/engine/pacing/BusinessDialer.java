package dev.outdial.engine.pacing;

import dev.outdial.engine.call.CampaignSettings;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.rules.ConcurrencyLimit;
import java.util.ArrayList;
import java.util.List;

/**
 * The running campaigns of one business, which share what the business has once: its contract's
 * concurrent calls ("never exceeded across all campaigns and manual calls") and its agents, who are
 * one person each whatever campaigns they have open.
 *
 * <p>It paces by events, never by polling the clock: whatever may free work (a call ended, a
 * disposition, wrap-up over, an agent's presence, a customer becoming due, working hours opening)
 * calls {@link #wake()}, and one pacing round for all campaigns runs at once on the scheduler,
 * however many wake-ups came together.
 */
public final class BusinessDialer {

    private final long businessId;
    private final ConcurrencyLimit limit;
    private final EnginePorts ports;
    private final AgentDesk desk = new AgentDesk();
    private final List<CampaignRunner> runners = new ArrayList<>();
    private final List<Runnable> afterCampaigns = new ArrayList<>();
    private boolean paceScheduled;
    private int firstToPace;

    public BusinessDialer(long businessId, ConcurrencyLimit limit, EnginePorts ports) {
        this.businessId = businessId;
        this.limit = limit;
        this.ports = ports;
    }

    /** A campaign of the business, with the strategy of its dial type; it dials once {@link CampaignRunner#start() started}. */
    public CampaignRunner campaign(CampaignSettings settings) {
        return campaign(settings, DialStrategies.of(settings));
    }

    public CampaignRunner campaign(CampaignSettings settings, DialStrategy strategy) {
        if (settings.businessId() != businessId) {
            throw new IllegalArgumentException("campaign " + settings.campaignId() + " belongs to business "
                    + settings.businessId() + ", not " + businessId);
        }
        CampaignRunner runner = new CampaignRunner(settings, strategy, limit, ports, desk, this);
        runners.add(runner);
        return runner;
    }

    /** Something changed that may let a campaign dial: pace every campaign once, soon. */
    public void wake() {
        if (!paceScheduled) {
            paceScheduled = true;
            ports.scheduler().at(ports.scheduler().now(), this::paceAll);
        }
    }

    /**
     * The agent switched Available / Not available, or opened or closed a campaign's screen: a
     * customer offered to an agent who left goes back, and campaigns pace again.
     */
    public void agentPresenceChanged(AgentId agent) {
        runners.forEach(runner -> runner.checkPresence(agent));
        wake();
    }

    /** "They can end it early." */
    public void endWrapUp(AgentId agent) {
        desk.endWrapUp(agent, ports.scheduler().now());
        wake();
    }

    /**
     * Work that agents take only when no campaign gave them any in the same round: inbound queue
     * calls, since "auto callback calls have a higher priority than queued calls".
     */
    public void afterCampaigns(Runnable work) {
        afterCampaigns.add(work);
    }

    public AgentDesk desk() {
        return desk;
    }

    private void paceAll() {
        paceScheduled = false;
        // Start with another campaign each round, so one campaign's list does not starve the others
        // of the agents and lines they share.
        for (int i = 0; i < runners.size(); i++) {
            runners.get((firstToPace + i) % runners.size()).pace();
        }
        firstToPace = runners.isEmpty() ? 0 : (firstToPace + 1) % runners.size();
        afterCampaigns.forEach(Runnable::run);
    }
}
