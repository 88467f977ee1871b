package dev.outdial.dialing.web;

import dev.outdial.dialing.CampaignForecastView;
import dev.outdial.dialing.internal.CampaignForecasts;
import dev.outdial.shared.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A campaign's forecast under the API (issue 6); the campaign's page shows it through {@link ForecastPages}. */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class ForecastController {

    private final CampaignForecasts forecasts;

    ForecastController(CampaignForecasts forecasts) {
        this.forecasts = forecasts;
    }

    /** {@code agents}: 1–1,000, by default the campaign's assigned agents. */
    @GetMapping("/api/v1/campaigns/{campaignId}/forecast")
    CampaignForecastView forecast(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId,
                                  @RequestParam(required = false) Integer agents) {
        return forecasts.forecast(me.businessId(), campaignId, agents);
    }
}
