package dev.outdial.dialing.web;

import dev.outdial.dialing.CampaignForecastView;
import dev.outdial.dialing.internal.CampaignForecasts;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.CurrentUser;
import dev.outdial.shared.InvalidInputException;
import dev.outdial.web.PageMessages;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A campaign's forecast (issue 6) as the card the campaign's page loads into itself
 * ({@code campaigns/forecast.html}), with the number of agents to forecast for.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class ForecastPages {

    private final CampaignForecasts forecasts;
    private final PageMessages messages;

    ForecastPages(CampaignForecasts forecasts, PageMessages messages) {
        this.forecasts = forecasts;
        this.messages = messages;
    }

    /** The card's content; a wrong number of agents is said beside the input. */
    @GetMapping("/campaigns/{campaignId}/forecast")
    String card(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId,
                @RequestParam(required = false) String agents, Model model) {
        model.addAttribute("campaignId", campaignId);
        model.addAttribute("agents", agents);
        try {
            Integer count = agents == null || agents.isBlank() ? null : parse(agents);
            CampaignForecastView forecast = forecasts.forecast(me.businessId(), campaignId, count);
            model.addAttribute("forecast", forecast);
            model.addAttribute("agents", forecast.agents());
        } catch (InvalidInputException invalid) {
            model.addAttribute("agentsError", messages.byField(invalid).get("agents"));
        } catch (ConflictException notForecast) {
            model.addAttribute("notForecast", messages.describe(notForecast).getFirst());
        }
        return "campaigns/forecast :: result";
    }

    private static int parse(String agents) {
        try {
            return Integer.parseInt(agents.strip());
        } catch (NumberFormatException notANumber) {
            throw new InvalidInputException("agents", "validation.range", 1, 1000);
        }
    }
}
