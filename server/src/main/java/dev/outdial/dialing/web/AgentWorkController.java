package dev.outdial.dialing.web;

import dev.outdial.call.CallView;
import dev.outdial.call.DispositionRequest;
import dev.outdial.customer.CampaignCustomer;
import dev.outdial.dialing.AgentWork;
import dev.outdial.dialing.internal.AgentEventStream;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.shared.CurrentUser;
import dev.outdial.shared.InvalidInputException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The agent's own work under the API (issue 5): state, campaigns, Get customer, dial, calls, wrap-up. */
@RestController
@PreAuthorize("hasRole('AGENT')")
class AgentWorkController {

    private final AgentWork work;
    private final AgentEventStream screens;

    AgentWorkController(AgentWork work, AgentEventStream screens) {
        this.screens = screens;
        this.work = work;
    }

    enum AgentState { AVAILABLE, NOT_AVAILABLE }

    record StateChange(AgentState state) {
    }

    /**
     * The agent's state and, with real calls (sip mode), whether their phone is registered and their
     * nailed-up line ({@code DOWN}, {@code CALLING}, {@code UP}); both null in sim mode.
     */
    record MyState(AgentState state, Boolean phoneRegistered, String phoneLine) {
    }

    @GetMapping("/api/v1/me/state")
    MyState state(@AuthenticationPrincipal CurrentUser me) {
        return new MyState(work.isAvailable(me) ? AgentState.AVAILABLE : AgentState.NOT_AVAILABLE,
                work.hasOwnPhone() ? work.isPhoneRegistered(me) : null,
                work.hasOwnPhone() ? work.phoneLine(me).name() : null);
    }

    @PutMapping("/api/v1/me/state")
    StateChange setState(@AuthenticationPrincipal CurrentUser me, @RequestBody StateChange change) {
        if (change.state() == null) {
            throw new InvalidInputException("state", "validation.required");
        }
        work.setAvailable(me, change.state() == AgentState.AVAILABLE);
        return change;
    }

    @GetMapping("/api/v1/me/campaigns")
    List<AgentWork.MyCampaign> campaigns(@AuthenticationPrincipal CurrentUser me) {
        return work.campaigns(me);
    }

    @PostMapping("/api/v1/me/campaigns/{campaignId}/open")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void open(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId) {
        work.open(me, campaignId);
    }

    @PostMapping("/api/v1/me/campaigns/{campaignId}/close")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void close(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId) {
        work.close(me, campaignId);
    }

    @PostMapping("/api/v1/me/campaigns/{campaignId}/next")
    CampaignCustomer next(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId) {
        return work.next(me, campaignId);
    }

    @PostMapping("/api/v1/me/customers/{customerId}/dial")
    @ResponseStatus(HttpStatus.CREATED)
    CallView dial(@AuthenticationPrincipal CurrentUser me, @PathVariable long customerId) {
        return work.dial(me, customerId);
    }

    /** Picks up what rings on the agent's phone: a queue call, or an auto callback (the agent is called first). */
    @PostMapping("/api/v1/me/phone/answer")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void answerPhone(@AuthenticationPrincipal CurrentUser me) {
        work.answerPhone(me);
    }

    @PostMapping("/api/v1/me/phone/hangup")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void hangUpPhone(@AuthenticationPrincipal CurrentUser me) {
        work.hangUpPhone(me);
    }

    @PostMapping("/api/v1/calls/{callId}/answer")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void answer(@AuthenticationPrincipal CurrentUser me, @PathVariable String callId) {
        work.answer(me, callId);
    }

    @PostMapping("/api/v1/calls/{callId}/hangup")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void hangUp(@AuthenticationPrincipal CurrentUser me, @PathVariable String callId) {
        work.hangUp(me, callId);
    }

    /** The agent pauses their call's recording while the customer gives what must not be kept (a card number). */
    @PostMapping("/api/v1/calls/{callId}/recording/pause")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void pauseRecording(@AuthenticationPrincipal CurrentUser me, @PathVariable String callId) {
        work.pauseRecording(me, callId, true);
        workspaceShowsItAgain(me, callId);
    }

    @PostMapping("/api/v1/calls/{callId}/recording/resume")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resumeRecording(@AuthenticationPrincipal CurrentUser me, @PathVariable String callId) {
        work.pauseRecording(me, callId, false);
        workspaceShowsItAgain(me, callId);
    }

    /**
     * The agent puts their call on hold (the customer hears the waiting music, or a soft tone) and takes it off again;
     * 409 where the call is not put through to them now.
     */
    @PostMapping("/api/v1/calls/{callId}/hold")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void hold(@AuthenticationPrincipal CurrentUser me, @PathVariable String callId) {
        work.hold(me, callId, true);
        workspaceShowsItAgain(me, callId);
    }

    @PostMapping("/api/v1/calls/{callId}/unhold")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unhold(@AuthenticationPrincipal CurrentUser me, @PathVariable String callId) {
        work.hold(me, callId, false);
        workspaceShowsItAgain(me, callId);
    }

    /**
     * A call's hold or recording changed through the API (a CRM's button, a script): the agent's open Workspace shows
     * the call again. The Workspace's own buttons are answered with the card itself, and are not told twice.
     */
    private void workspaceShowsItAgain(CurrentUser me, String callId) {
        screens.callChanged(AgentId.of(String.valueOf(me.id())), callId);
    }

    @PostMapping("/api/v1/calls/{callId}/disposition")
    CallView dispose(@AuthenticationPrincipal CurrentUser me, @PathVariable String callId,
                     @RequestBody DispositionRequest disposition) {
        return work.dispose(me, callId, disposition);
    }

    @PostMapping("/api/v1/me/wrap-up/end")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void endWrapUp(@AuthenticationPrincipal CurrentUser me) {
        work.endWrapUp(me);
    }
}
