package dev.outdial.report.web;

import dev.outdial.campaign.Campaigns;
import dev.outdial.report.ReportPeriod;
import dev.outdial.report.Reports;
import dev.outdial.shared.BusinessTimeZones;
import dev.outdial.shared.CurrentUser;
import dev.outdial.shared.InvalidInputException;
import dev.outdial.web.PageMessages;
import java.time.LocalDate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Reports page: a period (today by default) and a campaign filter, the campaign table and the
 * agent table with their totals, each exportable as CSV or .xlsx; the exports answer under the API
 * too (see {@link ReportExports}).
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class ReportPages {

    private final Reports reports;
    private final Campaigns campaigns;
    private final BusinessTimeZones zones;
    private final PageMessages messages;

    ReportPages(Reports reports, Campaigns campaigns, BusinessTimeZones zones, PageMessages messages) {
        this.reports = reports;
        this.campaigns = campaigns;
        this.zones = zones;
        this.messages = messages;
    }

    @GetMapping("/reports")
    String page(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(required = false) Long campaignId,
                Model model) {
        String today = LocalDate.now(zones.zoneOf(me.businessId())).toString();
        String first = from == null ? today : from;
        String last = to == null ? today : to;
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        model.addAttribute("campaignId", campaignId);
        model.addAttribute("campaigns", campaigns.list(me.businessId(), null, null, null));
        try {
            ReportPeriod period = reports.period(me.businessId(), first, last);
            String total = messages.text("reports.total");
            model.addAttribute("campaignLines", ReportLine.of(reports.campaigns(me.businessId(), period, campaignId), total));
            model.addAttribute("agentLines", ReportLine.of(reports.agents(me.businessId(), period, campaignId), total));
        } catch (InvalidInputException invalid) {
            model.addAttribute("errors", messages.describe(invalid));
        }
        return "reports/page";
    }
}
