package dev.outdial.customer.web;

import dev.outdial.customer.CampaignProgress;
import dev.outdial.shared.CurrentUser;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A campaign's progress (SPEC §6) as the nested pie chart the campaign's details page loads into
 * itself (the campaign module cannot depend on this one, which depends on it); the API answers it
 * in {@link ProgressApiController}.
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

    @GetMapping("/campaigns/{campaignId}/progress")
    String chart(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId, Locale locale, Model model) {
        ProgressView view = ProgressView.of(progress.of(me.businessId(), campaignId), messages, locale);
        model.addAttribute("progress", view);
        model.addAttribute("chart", json.writeValueAsString(view));
        return "customers/progress :: chart";
    }
}
