package dev.outdial.dialing.web;

import dev.outdial.agent.UserAccount;
import dev.outdial.agent.UserAccounts;
import dev.outdial.call.CallActivities;
import dev.outdial.call.CallRecords;
import dev.outdial.call.CallView;
import dev.outdial.campaign.Campaigns;
import dev.outdial.dialing.CallLinesNow;
import dev.outdial.dialing.ListeningIn;
import dev.outdial.shared.CallAudio;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.CurrentUser;
import dev.outdial.shared.NotFoundException;
import dev.outdial.shared.Role;
import dev.outdial.sip.ListeningMode;
import dev.outdial.web.PageMessages;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The campaign page's "Calls now" panel with real calls: the campaign's calls that are up, each with its agent, how
 * its line is so far, and buttons to listen in on it, coach its agent or barge in. Nothing with the simulated carrier, which has no audio.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class ListeningInPages {

    private static final String FRAGMENTS = "live/calls-now";

    private final CallAudio callAudio;
    private final Campaigns campaigns;
    private final CallRecords calls;
    private final UserAccounts users;
    private final ListeningIn listening;
    private final PageMessages messages;
    private final CallActivities activities;
    private final CallLinesNow lines;

    ListeningInPages(CallAudio callAudio, Campaigns campaigns, CallRecords calls, UserAccounts users,
                     ListeningIn listening, PageMessages messages, CallActivities activities, CallLinesNow lines) {
        this.activities = activities;
        this.lines = lines;
        this.callAudio = callAudio;
        this.campaigns = campaigns;
        this.calls = calls;
        this.users = users;
        this.listening = listening;
        this.messages = messages;
    }

    @GetMapping("/campaigns/{campaignId}/calls-now")
    String callsNow(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId, Model model) {
        campaigns.get(me.businessId(), campaignId); // another business's or none: 404, whatever the telephony
        model.addAttribute("campaignId", campaignId);
        if (!callAudio.heard()) {
            return FRAGMENTS + " :: none";
        }
        List<CallView> up = calls.ofCampaign(me, campaignId, true);
        model.addAttribute("calls", up);
        model.addAttribute("activity", activities.ofCalls(me.businessId(), up));
        model.addAttribute("lines", lines.of(up));
        model.addAttribute("agentNames", users.list(me.businessId(), Role.AGENT).stream()
                .collect(Collectors.toMap(UserAccount::id, UserAccount::name)));
        return FRAGMENTS + " :: panel";
    }

    @PostMapping("/calls/{callId}/listen")
    String listen(@AuthenticationPrincipal CurrentUser me, @PathVariable String callId,
                  @RequestParam(defaultValue = "LISTEN") ListeningMode mode, Model model) {
        try {
            ListeningIn.Listening listened = listening.listen(me, callId, mode);
            String now = messages.text((listened.rung() ? "dialing.ringing." : "dialing.now.") + mode);
            model.addAttribute("notice", listened.movedFrom() == null ? now
                    : messages.text("dialing.moved") + " " + now);
        } catch (ConflictException | NotFoundException refused) {
            model.addAttribute("errors", messages.describe(refused));
        }
        return FRAGMENTS + " :: outcome";
    }
}
