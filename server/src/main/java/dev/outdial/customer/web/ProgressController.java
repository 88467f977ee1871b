package dev.outdial.customer.web;

import dev.outdial.customer.CampaignProgress;
import dev.outdial.customer.Progress;
import dev.outdial.shared.CurrentUser;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * A campaign's progress (SPEC §6): under the API, and as the nested pie chart the campaign's
 * details page loads into itself (the campaign module cannot depend on this one, which depends on it).
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class ProgressController {

    private final CampaignProgress progress;
    private final MessageSource messages;
    private final JsonMapper json;

    ProgressController(CampaignProgress progress, MessageSource messages, JsonMapper json) {
        this.progress = progress;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/api/v1/campaigns/{campaignId}/progress")
    @ResponseBody
    Progress progress(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId) {
        return progress.of(me.businessId(), campaignId);
    }

    @GetMapping("/campaigns/{campaignId}/progress")
    String chart(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId, Locale locale, Model model) {
        ProgressView view = ProgressView.of(progress.of(me.businessId(), campaignId), messages, locale);
        model.addAttribute("progress", view);
        model.addAttribute("chart", json.writeValueAsString(view));
        return "customers/progress :: chart";
    }
}
