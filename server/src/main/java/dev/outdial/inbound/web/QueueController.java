package dev.outdial.inbound.web;

import dev.outdial.inbound.InboundCallView;
import dev.outdial.inbound.InboundCalls;
import dev.outdial.inbound.InboundQueue;
import dev.outdial.inbound.QueueDraft;
import dev.outdial.inbound.InboundQueues;
import dev.outdial.inbound.InboundRecordings;
import dev.outdial.inbound.QueueRecordingView;
import dev.outdial.shared.CurrentUser;
import dev.outdial.shared.RecordingQuery;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Inbound queues: admins manage them, supervisors may look. */
@RestController
@RequestMapping("/api/v1/queues")
class QueueController {

    private final InboundQueues queues;
    private final InboundCalls calls;
    private final InboundRecordings recordings;

    QueueController(InboundQueues queues, InboundCalls calls, InboundRecordings recordings) {
        this.queues = queues;
        this.calls = calls;
        this.recordings = recordings;
    }

    /** The queue's calls, newest first: waiting, ringing an agent, talking, or how they ended. */
    @GetMapping("/{id}/calls")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    List<InboundCallView> calls(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        return calls.ofQueue(me.businessId(), id);
    }

    /**
     * The queue's call recordings, newest first, found as a campaign's are: of one agent, of the days
     * {@code from}–{@code to} (the business's clock), of one caller's number, at most {@code limit} (500) after the
     * call {@code before}. The audio is {@code GET /api/v1/calls/{callId}/recording}.
     */
    @GetMapping("/{id}/recordings")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    List<QueueRecordingView> recordings(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
                                        @ParameterObject RecordingQuery.Asked asked) {
        return recordings.ofQueue(me.businessId(), id, asked);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    InboundQueue create(@AuthenticationPrincipal CurrentUser me, @RequestBody QueueDraft draft) {
        return queues.create(me.businessId(), draft);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    List<InboundQueue> list(@AuthenticationPrincipal CurrentUser me) {
        return queues.list(me.businessId());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    InboundQueue get(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        return queues.get(me.businessId(), id);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    InboundQueue update(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestBody QueueDraft draft) {
        return queues.update(me.businessId(), id, draft);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    void delete(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        queues.delete(me.businessId(), id);
    }
}
