package dev.outdial.live;

import dev.outdial.business.Businesses;
import dev.outdial.call.CallStatistics;
import dev.outdial.call.CallTally;
import dev.outdial.campaign.Campaign;
import dev.outdial.campaign.CampaignStatus;
import dev.outdial.campaign.Campaigns;
import dev.outdial.customer.CampaignProgress;
import dev.outdial.customer.Progress;
import dev.outdial.dialing.AgentState;
import dev.outdial.dialing.AgentStates;
import dev.outdial.engine.port.CallRecord;
import dev.outdial.live.internal.CampaignCallTally;
import dev.outdial.live.internal.CompletionEstimate;
import dev.outdial.live.internal.CompletionSamples;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The live figures of a campaign or of a whole business (SPEC §6), each from what answers fast
 * however big the campaign: the progress counters, the campaign's call tally, the open calls,
 * and the call records of today and of the last hour by index. Nothing here recounts customers.
 */
@Service
public class LiveDashboards {

    private static final Duration HOUR = Duration.ofHours(1);

    private final Campaigns campaigns;
    private final Businesses businesses;
    private final CampaignProgress progress;
    private final CallStatistics calls;
    private final AgentStates agents;
    private final CampaignCallTally tally;
    private final CompletionSamples samples;
    private final Clock clock;
    private final Duration minRateWindow;

    LiveDashboards(Campaigns campaigns, Businesses businesses, CampaignProgress progress, CallStatistics calls,
                   AgentStates agents, CampaignCallTally tally, CompletionSamples samples, Clock clock,
                   @Value("${outdial.live.min-rate-window:PT5M}") Duration minRateWindow) {
        this.campaigns = campaigns;
        this.businesses = businesses;
        this.progress = progress;
        this.calls = calls;
        this.agents = agents;
        this.tally = tally;
        this.samples = samples;
        this.clock = clock;
        this.minRateWindow = minRateWindow;
    }

    /** One campaign's figures; another business's campaign is not found. */
    @Transactional(readOnly = true)
    public LiveFigures ofCampaign(long businessId, long campaignId) {
        Campaign campaign = campaigns.get(businessId, campaignId);
        Instant now = clock.instant();
        return campaignFigures(businessId, campaign, now, startOfToday(businessId, now));
    }

    /** The business's figures, with those of its running and paused campaigns. */
    @Transactional(readOnly = true)
    public LiveFigures ofBusiness(long businessId) {
        Instant now = clock.instant();
        Instant today = startOfToday(businessId, now);
        List<LiveFigures> active = new ArrayList<>();
        for (Campaign campaign : campaigns.list(businessId, null, null, null)) {
            if (campaign.status() == CampaignStatus.RUNNING || campaign.status() == CampaignStatus.PAUSED) {
                active.add(campaignFigures(businessId, campaign, now, today));
            }
        }
        active.sort(Comparator.comparing((LiveFigures figures) -> !"RUNNING".equals(figures.status()))
                .thenComparing(LiveFigures::campaignName));
        CallTally todays = calls.dialedSince(businessId, null, today);
        CallTally lastHour = calls.dialedSince(businessId, null, now.minus(HOUR));
        return new LiveFigures(null, null, null, now, callsNow(calls.openCalls(businessId, null)),
                agentsNow(agents.ofBusiness(businessId)), new LiveFigures.AbandonRates(todays.abandonRate(), null),
                period(lastHour), period(todays), customersOf(active), attemptsPerCustomer(active),
                completionOf(active), active);
    }

    private LiveFigures campaignFigures(long businessId, Campaign campaign, Instant now, Instant today) {
        long campaignId = campaign.id();
        CallTally todays = calls.dialedSince(businessId, campaignId, today);
        CallTally lastHour = calls.dialedSince(businessId, campaignId, now.minus(HOUR));
        CallTally sinceItBegan = tally.of(businessId, campaignId);
        Progress counts = progress.of(businessId, campaignId);
        long finished = CompletionSamples.finishedOf(counts);
        Optional<CompletionSamples.Sample> then = samples.oldest(campaignId);
        LiveFigures.Completion completion = CompletionEstimate.of(then.map(CompletionSamples.Sample::at).orElse(null),
                then.map(CompletionSamples.Sample::finished).orElse(null), now, finished, counts.total() - finished,
                minRateWindow);
        Double attempts = counts.total() == 0 ? null : (double) sinceItBegan.dials() / counts.total();
        return new LiveFigures(campaignId, campaign.name(), campaign.status().name(), now,
                callsNow(calls.openCalls(businessId, campaignId)), agentsNow(agents.ofCampaign(businessId, campaignId)),
                new LiveFigures.AbandonRates(todays.abandonRate(), sinceItBegan.abandonRate()), period(lastHour),
                period(todays), counts.total(), attempts, completion, null);
    }

    private Instant startOfToday(long businessId, Instant now) {
        ZoneId zone = businesses.zoneOf(businessId);
        return now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    }

    private static LiveFigures.Calls callsNow(Map<CallRecord.Phase, Integer> open) {
        return new LiveFigures.Calls(open.getOrDefault(CallRecord.Phase.DIALING, 0),
                open.getOrDefault(CallRecord.Phase.RINGING, 0), open.getOrDefault(CallRecord.Phase.WAITING_FOR_AGENT, 0),
                open.getOrDefault(CallRecord.Phase.TALKING, 0));
    }

    private static LiveFigures.Agents agentsNow(Map<AgentState, Integer> states) {
        return new LiveFigures.Agents(states.getOrDefault(AgentState.AVAILABLE, 0),
                states.getOrDefault(AgentState.ON_CALL, 0), states.getOrDefault(AgentState.WRAP_UP, 0),
                states.getOrDefault(AgentState.NOT_AVAILABLE, 0));
    }

    private static LiveFigures.Period period(CallTally calls) {
        return new LiveFigures.Period(calls.dials(), calls.contacts(), calls.abandoned());
    }

    private static long customersOf(List<LiveFigures> active) {
        return active.stream().mapToLong(LiveFigures::customers).sum();
    }

    /** Over the business's active campaigns: their calls so far ÷ their customers. */
    private static Double attemptsPerCustomer(List<LiveFigures> active) {
        double calls = 0;
        long customers = 0;
        for (LiveFigures campaign : active) {
            if (campaign.attemptsPerCustomer() != null) {
                calls += campaign.attemptsPerCustomer() * campaign.customers();
                customers += campaign.customers();
            }
        }
        return customers == 0 ? null : calls / customers;
    }

    /**
     * The business is done when every active campaign is; it has an estimate only when each
     * campaign with customers left has one (the last of them to finish).
     */
    private static LiveFigures.Completion completionOf(List<LiveFigures> active) {
        long remaining = 0;
        double perHour = 0;
        Instant last = null;
        boolean known = true;
        for (LiveFigures campaign : active) {
            LiveFigures.Completion theirs = campaign.completion();
            remaining += theirs.remaining();
            if ("UNKNOWN".equals(theirs.state())) {
                known = false;
            } else if ("ESTIMATED".equals(theirs.state())) {
                perHour += theirs.handledPerHour();
                last = last == null || theirs.estimatedAt().isAfter(last) ? theirs.estimatedAt() : last;
            }
        }
        if (remaining == 0) {
            return new LiveFigures.Completion("DONE", 0, null, null);
        }
        return known ? new LiveFigures.Completion("ESTIMATED", remaining, perHour, last)
                : new LiveFigures.Completion("UNKNOWN", remaining, perHour > 0 ? perHour : null, null);
    }
}
