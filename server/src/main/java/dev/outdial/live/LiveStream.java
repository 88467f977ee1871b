package dev.outdial.live;

import dev.outdial.live.internal.LiveStreams;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Dashboards' live streams: every {@code outdial.live.push-interval} (2 s) the figures of each
 * watched campaign and business are read once and sent to the streams watching them when they
 * changed (and every 10 s anyway), as the event {@code live}. Nobody watching costs nothing.
 */
@Service
public class LiveStream implements DisposableBean {

    /** A campaign of a business: the key of a campaign's streams. */
    record CampaignScope(long businessId, long campaignId) {
    }

    private final LiveDashboards dashboards;
    private final LiveStreams<CampaignScope> campaignStreams = new LiveStreams<>("live", LiveStream::sameness);
    private final LiveStreams<Long> businessStreams = new LiveStreams<>("live", LiveStream::sameness);

    LiveStream(LiveDashboards dashboards) {
        this.dashboards = dashboards;
    }

    /** A stream of the campaign's figures; another business's campaign is not found before anything streams. */
    public SseEmitter ofCampaign(long businessId, long campaignId) {
        LiveFigures first = dashboards.ofCampaign(businessId, campaignId);
        return campaignStreams.subscribe(new CampaignScope(businessId, campaignId), first);
    }

    public SseEmitter ofBusiness(long businessId) {
        return businessStreams.subscribe(businessId, dashboards.ofBusiness(businessId));
    }

    @Scheduled(fixedDelayString = "${outdial.live.push-interval:PT2S}")
    void pushRound() {
        for (CampaignScope scope : campaignStreams.watched()) {
            campaignStreams.push(scope, watched -> dashboards.ofCampaign(watched.businessId(), watched.campaignId()));
        }
        for (Long business : businessStreams.watched()) {
            businessStreams.push(business, dashboards::ofBusiness);
        }
    }

    /** Streams open now, for tests and metrics. */
    public int openStreams() {
        return campaignStreams.streamCount() + businessStreams.streamCount();
    }

    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        campaignStreams.closeAll();
        businessStreams.closeAll();
    }

    @Override
    public void destroy() {
        campaignStreams.destroy();
        businessStreams.destroy();
    }

    private static Object sameness(Object figures) {
        return figures instanceof LiveFigures live ? live.withoutTime() : figures;
    }
}
