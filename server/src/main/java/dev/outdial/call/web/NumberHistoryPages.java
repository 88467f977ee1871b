package dev.outdial.call.web;

import dev.outdial.call.CallActivities;
import dev.outdial.call.CallRecordings;
import dev.outdial.call.CallRecords;
import dev.outdial.call.Dispositions;
import dev.outdial.call.ExportedCall;
import dev.outdial.campaign.Campaign;
import dev.outdial.campaign.Campaigns;
import dev.outdial.campaign.settings.Question;
import dev.outdial.shared.CurrentUser;
import dev.outdial.shared.InvalidInputException;
import dev.outdial.web.PageMessages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One number's call history in a campaign, where the customers tab links each phone number to
 * (the manual: "to view the phone conversations had with this customer, click on the phone number
 * link"): times, hotline, agent, technical result, classification, the script's answers and the call's recording.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class NumberHistoryPages {

    private final CallRecords calls;
    private final Campaigns campaigns;
    private final Dispositions dispositions;
    private final PageMessages messages;
    private final CallRecordings recordings;
    private final CallActivities activities;

    NumberHistoryPages(CallRecords calls, Campaigns campaigns, Dispositions dispositions, PageMessages messages,
                       CallRecordings recordings, CallActivities activities) {
        this.calls = calls;
        this.activities = activities;
        this.recordings = recordings;
        this.campaigns = campaigns;
        this.dispositions = dispositions;
        this.messages = messages;
    }

    @GetMapping("/campaigns/{campaignId}/calls")
    String history(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId,
                   @RequestParam(required = false) String number, Model model) {
        Campaign campaign = campaigns.get(me.businessId(), campaignId);
        model.addAttribute("campaign", campaign);
        model.addAttribute("number", number);
        model.addAttribute("recorded", Set.of());
        model.addAttribute("activity", Map.of());
        try {
            List<ExportedCall> history = calls.toNumber(me, campaignId, number);
            model.addAttribute("calls", history);
            model.addAttribute("recorded", recordings.recordedAmong(me.businessId(),
                    history.stream().map(call -> call.call().id()).toList()));
            model.addAttribute("activity", activities.ofCalls(me.businessId(),
                    history.stream().map(ExportedCall::call).toList()));
        } catch (InvalidInputException invalid) {
            model.addAttribute("errors", messages.describe(invalid));
        }
        Map<String, String> questions = new LinkedHashMap<>();
        dispositions.scriptOf(me.businessId(), campaign).ifPresent(script -> script.questions()
                .forEach((Question question) -> questions.put(question.id(), question.text())));
        model.addAttribute("questions", questions);
        return "calls/number-history";
    }
}
