package dev.outdial.report.web;

import dev.outdial.report.AgentReport;
import dev.outdial.report.CampaignReport;
import dev.outdial.report.Reports;
import dev.outdial.shared.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The reports under the API: {@code from} and {@code to} are dates (yyyy-MM-dd) in the business's time zone. */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class ReportController {

    private final Reports reports;

    ReportController(Reports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/v1/reports/campaigns")
    CampaignReport campaigns(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to,
                             @RequestParam(required = false) Long campaignId) {
        return reports.campaigns(me.businessId(), reports.period(me.businessId(), from, to), campaignId);
    }

    @GetMapping("/api/v1/reports/agents")
    AgentReport agents(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) String from,
                       @RequestParam(required = false) String to, @RequestParam(required = false) Long campaignId) {
        return reports.agents(me.businessId(), reports.period(me.businessId(), from, to), campaignId);
    }
}
