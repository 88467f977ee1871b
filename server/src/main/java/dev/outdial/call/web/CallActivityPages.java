package dev.outdial.call.web;

import dev.outdial.call.CallActivities;
import dev.outdial.shared.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A call's activity as a list opens it (a queue's Calls list): its holds, recording pauses and listening, for
 * admins and supervisors; another business's call is not found.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class CallActivityPages {

    private final CallActivities activities;

    CallActivityPages(CallActivities activities) {
        this.activities = activities;
    }

    @GetMapping("/calls/{callId}/activity")
    String activity(@AuthenticationPrincipal CurrentUser me, @PathVariable String callId, Model model) {
        model.addAttribute("activity", activities.of(me, callId));
        return "calls/activity :: loaded";
    }
}
