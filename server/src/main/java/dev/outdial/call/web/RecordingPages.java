package dev.outdial.call.web;

import dev.outdial.agent.UserAccounts;
import dev.outdial.call.CallRecordings;
import dev.outdial.shared.RecordingQuery;
import dev.outdial.call.RecordingView;
import dev.outdial.campaign.Campaign;
import dev.outdial.campaign.Campaigns;
import dev.outdial.shared.CurrentUser;
import dev.outdial.shared.InvalidInputException;
import dev.outdial.shared.Role;
import dev.outdial.web.PageMessages;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The campaign page's recordings panel, for quality review: the newest recordings first, found by agent, days and
 * number, each with its player, a page at a time. Shown where the campaign records or has recordings left.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class RecordingPages {

    /** Recordings a page shows. */
    static final int PAGE_SIZE = 50;

    private final CallRecordings recordings;
    private final Campaigns campaigns;
    private final UserAccounts users;
    private final PageMessages messages;

    RecordingPages(CallRecordings recordings, Campaigns campaigns, UserAccounts users, PageMessages messages) {
        this.recordings = recordings;
        this.campaigns = campaigns;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/campaigns/{campaignId}/recordings-tab")
    String tab(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId, RecordingQuery.Asked asked,
               Model model) {
        Campaign campaign = campaigns.get(me.businessId(), campaignId);
        model.addAttribute("campaignId", campaignId);
        model.addAttribute("agentId", asked.agentId());
        model.addAttribute("from", asked.from());
        model.addAttribute("to", asked.to());
        model.addAttribute("number", asked.number());
        model.addAttribute("agents", users.list(me.businessId(), Role.AGENT));
        boolean filtered = asked.agentId() != null || present(asked.from()) || present(asked.to())
                || present(asked.number()) || present(asked.before());
        List<RecordingView> page = List.of();
        try {
            // One more than the page shows: whether there is an older page.
            page = recordings.ofCampaign(me.businessId(), campaignId, asked.limitedTo(PAGE_SIZE + 1));
        } catch (InvalidInputException invalid) {
            model.addAttribute("errors", messages.describe(invalid));
        }
        model.addAttribute("recordings", page.size() > PAGE_SIZE ? page.subList(0, PAGE_SIZE) : page);
        model.addAttribute("older", page.size() > PAGE_SIZE ? page.get(PAGE_SIZE - 1).callId() : null);
        boolean records = Boolean.TRUE.equals(campaign.settings().recordCalls());
        return records || filtered || !page.isEmpty() ? "calls/recordings :: tab" : "calls/recordings :: none";
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
