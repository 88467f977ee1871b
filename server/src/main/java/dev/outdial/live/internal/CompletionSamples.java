package dev.outdial.live.internal;

import dev.outdial.campaign.Campaigns;
import dev.outdial.campaign.RunningCampaign;
import dev.outdial.customer.CampaignProgress;
import dev.outdial.customer.Progress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How many customers of each running campaign were out of "Not Handled" over the last hour,
 * sampled from the maintained progress counts (a few rows per campaign) whether or not anyone
 * watches, so a dashboard opened now can already tell the pace. Samples live in this node's
 * memory; after a restart the estimate is "unknown" until the window has passed again.
 */
@Component
public class CompletionSamples {

    /** One reading: customers handled, at max calls or filtered. */
    public record Sample(Instant at, long finished) {
    }

    private static final Logger log = LoggerFactory.getLogger(CompletionSamples.class);

    private final Map<Long, Deque<Sample>> samples = new ConcurrentHashMap<>();
    private final Campaigns campaigns;
    private final CampaignProgress progress;
    private final Clock clock;
    private final Duration window;

    CompletionSamples(Campaigns campaigns, CampaignProgress progress, Clock clock,
                      @Value("${outdial.live.rate-window:PT1H}") Duration window) {
        this.campaigns = campaigns;
        this.progress = progress;
        this.clock = clock;
        this.window = window;
    }

    @Scheduled(fixedDelayString = "${outdial.live.sample-interval:PT30S}", initialDelayString = "PT1S")
    void sampleRunningCampaigns() {
        try {
            for (RunningCampaign campaign : campaigns.running()) {
                record(campaign.campaignId(), finishedOf(progress.of(campaign.businessId(), campaign.campaignId())),
                        clock.instant());
            }
        } catch (RuntimeException failure) {
            log.warn("Sampling campaigns' pace failed; the next round tries again", failure);
        }
    }

    public void record(long campaignId, long finished, Instant at) {
        Deque<Sample> mine = samples.computeIfAbsent(campaignId, ignored -> new ArrayDeque<>());
        synchronized (mine) {
            mine.addLast(new Sample(at, finished));
            while (mine.size() > 1 && mine.peekFirst().at().isBefore(at.minus(window))) {
                mine.removeFirst();
            }
        }
    }

    /** The oldest reading inside the window: the start of the pace measured now. */
    public Optional<Sample> oldest(long campaignId) {
        Deque<Sample> mine = samples.get(campaignId);
        if (mine == null) {
            return Optional.empty();
        }
        synchronized (mine) {
            return Optional.ofNullable(mine.peekFirst());
        }
    }

    public static long finishedOf(Progress progress) {
        Progress.Bucket notHandled = progress.buckets().get(Progress.Kind.NOT_HANDLED.key());
        return progress.total() - (notHandled == null ? 0 : notHandled.total());
    }
}
