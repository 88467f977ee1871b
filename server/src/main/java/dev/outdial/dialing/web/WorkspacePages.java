package dev.outdial.dialing.web;

import dev.outdial.call.CallActivities;
import dev.outdial.call.CallActivity;
import dev.outdial.call.CallRecords;
import dev.outdial.call.CallView;
import dev.outdial.dialing.AgentWork;
import dev.outdial.dialing.ExecutionScreens;
import dev.outdial.dialing.internal.AgentEventStream;
import dev.outdial.engine.call.HoldState;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.port.CallRecord;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.CurrentUser;
import dev.outdial.shared.InvalidInputException;
import dev.outdial.shared.NotFoundException;
import dev.outdial.web.Formats;
import dev.outdial.web.PageMessages;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The agent workspace page (SPEC §5): the state switch, the agent's campaigns with Run and Close,
 * and the execution screen. Every action answers with the fragment htmx swaps in; what the engine
 * does by itself (offers, the call's progress, wrap-up) reaches the page by the event stream
 * ({@code /workspace/events}), whose handler in {@code workspace.js} fetches the same fragments.
 * Session-authenticated with CSRF tokens: a page cannot use the stateless API.
 */
@Controller
@PreAuthorize("hasRole('AGENT')")
class WorkspacePages {

    private static final String PAGE = "workspace/page";

    private final AgentWork work;
    private final ExecutionScreens screens;
    private final CallRecords calls;
    private final PageMessages messages;
    private final Formats formats;
    private final AgentEventStream events;
    private final CallActivities activities;

    WorkspacePages(AgentWork work, ExecutionScreens screens, CallRecords calls, PageMessages messages, Formats formats,
                   AgentEventStream events, CallActivities activities) {
        this.events = events;
        this.activities = activities;
        this.work = work;
        this.screens = screens;
        this.calls = calls;
        this.messages = messages;
        this.formats = formats;
    }

    @GetMapping("/workspace")
    String page(@AuthenticationPrincipal CurrentUser me, Model model) {
        List<AgentWork.MyCampaign> campaigns = work.campaigns(me);
        model.addAttribute("campaigns", campaigns);
        stateOf(me, model);
        campaigns.stream().filter(AgentWork.MyCampaign::open).findFirst()
                .ifPresent(open -> model.addAttribute("screen", screens.screen(me, open.id())));
        return PAGE;
    }

    @PostMapping("/workspace/state")
    String state(@AuthenticationPrincipal CurrentUser me, @RequestParam boolean available, Model model) {
        work.setAvailable(me, available);
        stateOf(me, model);
        return PAGE + " :: state";
    }

    /**
     * The state again, after the agent's phone registered or unregistered, or telephony set them Not
     * available ({@code reason}: PHONE_LINE_DOWN, PHONE_LINE_NOT_ANSWERED, PHONE_LINE_REFUSED, PHONE_CALL_NOT_ANSWERED,
     * PHONE_CALL_REFUSED, PHONE_NOT_REGISTERED), which it then says.
     */
    @GetMapping("/workspace/state")
    String state(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) String reason, Model model) {
        stateOf(me, model);
        if (reason != null && reason.matches("[A-Z_]{1,40}")) {
            String key = "workspace.refused." + reason;
            String text = messages.text(key);
            model.addAttribute("stateNotice", text.equals(key) ? null : text);
        }
        return PAGE + " :: state";
    }

    private void stateOf(CurrentUser me, Model model) {
        model.addAttribute("available", work.isAvailable(me));
        model.addAttribute("ownPhone", work.hasOwnPhone());
        model.addAttribute("phoneRegistered", work.hasOwnPhone() && work.isPhoneRegistered(me));
    }

    /** Run: opens the campaign's execution screen; the list shows it open. */
    @PostMapping("/workspace/campaigns/{campaignId}/open")
    String open(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId, Model model) {
        work.open(me, campaignId);
        model.addAttribute("screen", screens.screen(me, campaignId));
        model.addAttribute("campaigns", work.campaigns(me));
        return PAGE + " :: opened";
    }

    @PostMapping("/workspace/campaigns/{campaignId}/close")
    String close(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId, Model model) {
        work.close(me, campaignId);
        model.addAttribute("campaigns", work.campaigns(me));
        return PAGE + " :: opened";
    }

    /** Get customer (manual); a refusal goes to the notice with its reason. */
    @PostMapping("/workspace/campaigns/{campaignId}/next")
    String next(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId, Model model) {
        long customerId = work.next(me, campaignId).id();
        return customer(me, campaignId, customerId, null, model);
    }

    @PostMapping("/workspace/campaigns/{campaignId}/skip")
    String skip(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId) {
        work.skip(me, campaignId);
        return PAGE + " :: empty";
    }

    /**
     * The customer card; {@code dialsAt} is the end of a preview's countdown, also when the card is
     * loaded by the screen opening rather than by the offer's event.
     */
    @GetMapping("/workspace/campaigns/{campaignId}/customers/{customerId}")
    String customer(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId,
                    @PathVariable long customerId, @RequestParam(required = false) String dialsAt, Model model) {
        model.addAttribute("screen", screens.screen(me, campaignId));
        model.addAttribute("card", screens.customer(me, campaignId, customerId));
        model.addAttribute("dialsAt", dialsAt != null ? dialsAt : events.previewDialsAt(
                AgentId.of(String.valueOf(me.id())), customerId).map(Instant::toString).orElse(null));
        return PAGE + " :: customer";
    }

    /** Click to call (and a preview's Dial now). */
    @PostMapping("/workspace/customers/{customerId}/dial")
    String dial(@AuthenticationPrincipal CurrentUser me, @PathVariable long customerId, Model model) {
        return call(me, work.dial(me, customerId), false, model);
    }

    /**
     * The call panel. It shows Answer only while the agent's own phone rings for it (progressive):
     * the server's word, not the page's, so a leg that timed out no longer shows as ringing.
     */
    @GetMapping("/workspace/calls/{callId}")
    String call(@AuthenticationPrincipal CurrentUser me, @PathVariable String callId, Model model) {
        CallView call = calls.get(me, callId);
        return call(me, call, call.endedAt() == null && work.isRinging(me), model);
    }

    /**
     * The agent's phone rings: the call it rings for is the one of their open campaign waiting for
     * them (progressive: dialed for them; predictive: an answered customer offered to them), shown
     * with Answer, its customer's card beside it.
     */
    @GetMapping("/workspace/calls/ringing")
    String ringing(@AuthenticationPrincipal CurrentUser me, Model model) {
        return work.campaigns(me).stream().filter(AgentWork.MyCampaign::open).findFirst()
                .flatMap(open -> calls.ofCampaign(me, open.id(), true).stream()
                        .filter(call -> call.state() == CallRecord.Phase.WAITING_FOR_AGENT).findFirst())
                .map(waiting -> {
                    call(me, waiting, true, model);
                    return PAGE + " :: ringing";
                })
                .orElseGet(() -> {
                    // Nobody waits for this agent: what rings is a queue call or an auto callback's agent leg.
                    model.addAttribute("onTheLine", false);
                    return PAGE + " :: phone-rings";
                });
    }

    @PostMapping("/workspace/calls/{callId}/answer")
    String answer(@AuthenticationPrincipal CurrentUser me, @PathVariable String callId, Model model) {
        work.answer(me, callId);
        return call(me, calls.get(me, callId), false, model);
    }

    @PostMapping("/workspace/calls/{callId}/hangup")
    String hangUp(@AuthenticationPrincipal CurrentUser me, @PathVariable String callId, Model model) {
        work.hangUp(me, callId);
        return call(me, calls.get(me, callId), false, model);
    }

    /** The agent pauses the call's recording while the customer gives a card number, and resumes it after. */
    @PostMapping("/workspace/calls/{callId}/recording/{action:pause|resume}")
    String recording(@AuthenticationPrincipal CurrentUser me, @PathVariable String callId, @PathVariable String action,
                     Model model) {
        work.pauseRecording(me, callId, "pause".equals(action));
        return call(me, calls.get(me, callId), false, model);
    }

    /** The agent puts the customer on hold (they hear the waiting music) and takes them off again. */
    @PostMapping("/workspace/calls/{callId}/{action:hold|unhold}")
    String hold(@AuthenticationPrincipal CurrentUser me, @PathVariable String callId, @PathVariable String action,
                Model model) {
        work.hold(me, callId, "hold".equals(action));
        return call(me, calls.get(me, callId), false, model);
    }

    /** The agent's word on the call; wrong fields come back with their messages beside them. */
    @PostMapping("/workspace/calls/{callId}/disposition")
    String dispose(@AuthenticationPrincipal CurrentUser me, @PathVariable String callId,
                   @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
        CallView call = calls.get(me, callId);
        ExecutionScreens.Screen screen = screens.screen(me, call.campaignId());
        try {
            CallView disposed = work.dispose(me, callId, DispositionForm.read(form, screen.questions(), formats.zone()));
            response.setHeader("HX-Trigger", "customer-changed");
            return call(me, disposed, false, model);
        } catch (InvalidInputException invalid) {
            model.addAttribute("errors", messages.byField(invalid));
            model.addAttribute("form", form);
            return call(me, call, false, model);
        }
    }

    /**
     * The queue call the agent talks on as their card shows it: whether it is on hold and whether it is being recorded,
     * each with the button that changes it.
     */
    @GetMapping("/workspace/queue-calls/{callId}/controls")
    String queueCallControls(@AuthenticationPrincipal CurrentUser me, @PathVariable String callId, Model model) {
        model.addAttribute("callId", callId);
        HoldState hold = work.queueCallHold(me, callId).orElse(null);
        model.addAttribute("hold", hold);
        model.addAttribute("heldSince", heldSince(me, callId, hold));
        model.addAttribute("recording", work.queueCallRecording(me, callId).orElse(null));
        return PAGE + " :: queue-call-controls";
    }

    /** The agent pauses the queue call's recording while the caller gives a card number, and resumes it after. */
    @PostMapping("/workspace/queue-calls/{callId}/recording/{action:pause|resume}")
    String queueCallRecording(@AuthenticationPrincipal CurrentUser me, @PathVariable String callId,
                              @PathVariable String action, Model model) {
        work.pauseRecording(me, callId, "pause".equals(action));
        return queueCallControls(me, callId, model);
    }

    /** The agent puts the caller on hold (they hear the queue's waiting music) and takes them off again. */
    @PostMapping("/workspace/queue-calls/{callId}/{action:hold|unhold}")
    String queueCallHold(@AuthenticationPrincipal CurrentUser me, @PathVariable String callId,
                         @PathVariable String action, Model model) {
        work.hold(me, callId, "hold".equals(action));
        return queueCallControls(me, callId, model);
    }

    /** The agent's phone rings for a queue call or an auto callback (the agent is called first). */
    @GetMapping("/workspace/phone")
    String phone(Model model) {
        model.addAttribute("onTheLine", false);
        return PAGE + " :: phone";
    }

    @PostMapping("/workspace/phone/answer")
    String answerPhone(@AuthenticationPrincipal CurrentUser me, Model model) {
        work.answerPhone(me);
        model.addAttribute("onTheLine", true);
        return PAGE + " :: phone";
    }

    @PostMapping("/workspace/phone/hangup")
    String hangUpPhone(@AuthenticationPrincipal CurrentUser me) {
        work.hangUpPhone(me);
        return PAGE + " :: empty";
    }

    @GetMapping("/workspace/wrap-up")
    String wrapUp(@RequestParam String until, Model model) {
        model.addAttribute("until", until);
        return PAGE + " :: wrap-up";
    }

    @PostMapping("/workspace/wrap-up/end")
    String endWrapUp(@AuthenticationPrincipal CurrentUser me) {
        work.endWrapUp(me);
        return PAGE + " :: empty";
    }

    /** A refused action says why in the notice, whatever the element that asked: htmx is told to swap it there. */
    @ExceptionHandler
    String refused(ConflictException refused, Model model, HttpServletResponse response) {
        String reasonKey = "workspace.refused." + refused.properties().get("reason");
        String reason = messages.text(reasonKey);
        model.addAttribute("notice", reason.equals(reasonKey) ? messages.describe(refused).getFirst() : reason);
        response.setHeader("HX-Retarget", "#notice");
        response.setHeader("HX-Reswap", "innerHTML");
        return PAGE + " :: notice";
    }

    /** Another agent's campaign, customer or call looks like none at all. */
    @ExceptionHandler
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFoundException missing, Model model) {
        model.addAttribute("status", HttpStatus.NOT_FOUND.value());
        model.addAttribute("messageKey", "error.not-found");
        return "error";
    }

    private String call(CurrentUser me, CallView call, boolean ringing, Model model) {
        model.addAttribute("call", call);
        model.addAttribute("recording", call.endedAt() == null ? work.recording(me, call).orElse(null) : null);
        HoldState hold = call.endedAt() == null ? work.hold(me, call).orElse(null) : null;
        model.addAttribute("hold", hold);
        model.addAttribute("heldSince", heldSince(me, call.id(), hold));
        model.addAttribute("screen", screens.screen(me, call.campaignId()));
        model.addAttribute("ringing", ringing);
        return PAGE + " :: call";
    }

    /** When the customer the agent holds was put on hold, as the page writes it; null where they are not held. */
    private String heldSince(CurrentUser me, String callId, HoldState hold) {
        return hold != null && hold.held() ? activities.find(me, callId).flatMap(CallActivity::heldSince)
                .map(formats::time).orElse(null) : null;
    }
}
