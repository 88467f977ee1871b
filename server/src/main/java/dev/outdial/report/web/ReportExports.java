package dev.outdial.report.web;

import dev.outdial.report.ReportPeriod;
import dev.outdial.report.Reports;
import dev.outdial.shared.CurrentUser;
import dev.outdial.tabular.Export;
import dev.outdial.tabular.ExportFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Each report table as CSV or .xlsx, its total as the last row, for the Reports page's buttons and
 * under the API alike; a bad parameter answers problem details naming it.
 */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class ReportExports {

    private final Reports reports;
    private final MessageSource bundle;

    ReportExports(Reports reports, MessageSource bundle) {
        this.reports = reports;
        this.bundle = bundle;
    }

    @GetMapping({"/reports/campaigns/export", "/api/v1/reports/campaigns/export"})
    ResponseEntity<StreamingResponseBody> exportCampaigns(@AuthenticationPrincipal CurrentUser me,
            @RequestParam(required = false) String format, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) Long campaignId, Locale locale) {
        ExportFormat chosen = ExportFormat.of(format);
        ReportPeriod period = reports.period(me.businessId(), from, to);
        List<ReportLine> lines = ReportLine.of(reports.campaigns(me.businessId(), period, campaignId),
                bundle.getMessage("reports.total", null, locale));
        return Export.of(chosen, "campaign-report-" + period.from() + "-" + period.to(), period.zone(),
                () -> ReportExportColumns.campaigns(lines, bundle, locale), each -> lines.forEach(each));
    }

    @GetMapping({"/reports/agents/export", "/api/v1/reports/agents/export"})
    ResponseEntity<StreamingResponseBody> exportAgents(@AuthenticationPrincipal CurrentUser me,
            @RequestParam(required = false) String format, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) Long campaignId, Locale locale) {
        ExportFormat chosen = ExportFormat.of(format);
        ReportPeriod period = reports.period(me.businessId(), from, to);
        List<ReportLine> lines = ReportLine.of(reports.agents(me.businessId(), period, campaignId),
                bundle.getMessage("reports.total", null, locale));
        return Export.of(chosen, "agent-report-" + period.from() + "-" + period.to(), period.zone(),
                () -> ReportExportColumns.agents(lines, bundle, locale), each -> lines.forEach(each));
    }
}
