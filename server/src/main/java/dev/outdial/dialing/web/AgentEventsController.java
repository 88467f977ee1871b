package dev.outdial.dialing.web;

import dev.outdial.dialing.internal.AgentEventStream;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.shared.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The agent's live events as Server-Sent Events: what the engine shows on their execution screen. */
@RestController
@PreAuthorize("hasRole('AGENT')")
class AgentEventsController {

    private final AgentEventStream events;

    AgentEventsController(AgentEventStream events) {
        this.events = events;
    }

    /** The API's stream (HTTP Basic) and the workspace page's (its session): the same events. */
    @GetMapping(path = {"/api/v1/me/events", "/workspace/events"}, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@AuthenticationPrincipal CurrentUser me,
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return events.subscribe(AgentId.of(String.valueOf(me.id())), lastEventId);
    }
}
