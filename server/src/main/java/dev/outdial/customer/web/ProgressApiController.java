package dev.outdial.customer.web;

import dev.outdial.customer.CampaignProgress;
import dev.outdial.customer.Progress;
import dev.outdial.shared.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A campaign's progress (SPEC §6) under the API. A controller of its own because the API's problem
 * details are given to REST controllers: on the page controller a missing campaign answered 500.
 */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class ProgressApiController {

    private final CampaignProgress progress;

    ProgressApiController(CampaignProgress progress) {
        this.progress = progress;
    }

    @GetMapping("/api/v1/campaigns/{campaignId}/progress")
    Progress progress(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId) {
        return progress.of(me.businessId(), campaignId);
    }
}
