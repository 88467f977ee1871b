package dev.outdial.live.web;

import dev.outdial.live.LiveDashboards;
import dev.outdial.live.LiveFigures;
import dev.outdial.live.LiveStream;
import dev.outdial.shared.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live figures (SPEC §6) for admins and supervisors: read once, or streamed as Server-Sent Events.
 * Each stream has an API path (HTTP Basic) and a page path (the signed-in session), as the agent's
 * events do.
 */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class LiveController {

    private final LiveDashboards dashboards;
    private final LiveStream streams;

    LiveController(LiveDashboards dashboards, LiveStream streams) {
        this.dashboards = dashboards;
        this.streams = streams;
    }

    @GetMapping("/api/v1/campaigns/{campaignId}/live")
    LiveFigures campaign(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId) {
        return dashboards.ofCampaign(me.businessId(), campaignId);
    }

    @GetMapping("/api/v1/live")
    LiveFigures business(@AuthenticationPrincipal CurrentUser me) {
        return dashboards.ofBusiness(me.businessId());
    }

    @GetMapping(path = {"/api/v1/campaigns/{campaignId}/live/stream", "/campaigns/{campaignId}/live/stream"},
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter campaignStream(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId) {
        return streams.ofCampaign(me.businessId(), campaignId);
    }

    @GetMapping(path = {"/api/v1/live/stream", "/dashboard/stream"}, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter businessStream(@AuthenticationPrincipal CurrentUser me) {
        return streams.ofBusiness(me.businessId());
    }
}
