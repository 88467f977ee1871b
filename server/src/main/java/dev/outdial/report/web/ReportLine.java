package dev.outdial.report.web;

import dev.outdial.campaign.CampaignStatus;
import dev.outdial.engine.customer.DialType;
import dev.outdial.report.AgentReport;
import dev.outdial.report.AgentReportRow;
import dev.outdial.report.CallFigures;
import dev.outdial.report.CampaignReport;
import dev.outdial.report.CampaignReportRow;
import dev.outdial.report.QuotaUse;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of a report table as the page and its export show it: a campaign, an agent, or the
 * total (no id, no name). Agents' lines carry their quota use, campaigns' their type and status.
 */
public record ReportLine(Long id, String name, @Schema(implementation = DialType.class) String dialMode,
                         @Schema(implementation = CampaignStatus.class) String status, CallFigures figures, QuotaUse quota) {

    static List<ReportLine> of(CampaignReport report, String totalLabel) {
        List<ReportLine> lines = new ArrayList<>();
        for (CampaignReportRow row : report.campaigns()) {
            lines.add(new ReportLine(row.campaignId(), row.campaignName(), row.dialMode().name(), row.status().name(),
                    row.figures(), null));
        }
        lines.add(new ReportLine(null, totalLabel, null, null, report.total(), null));
        return lines;
    }

    static List<ReportLine> of(AgentReport report, String totalLabel) {
        List<ReportLine> lines = new ArrayList<>();
        for (AgentReportRow row : report.agents()) {
            lines.add(new ReportLine(row.agentId(), row.agentName(), null, null, row.figures(), row.quota()));
        }
        QuotaUse total = QuotaUse.of(report.agents().stream().flatMap(row -> row.quota().quotas().stream()).toList());
        lines.add(new ReportLine(null, totalLabel, null, null, report.total(), total));
        return lines;
    }

    public boolean isTotal() {
        return id == null;
    }

    /** The classifications any line has, in the order they first appear: one column each. */
    static Map<Long, String> classifications(List<ReportLine> lines) {
        Map<Long, String> names = new LinkedHashMap<>();
        lines.stream().flatMap(line -> line.figures().classifications().stream())
                .forEach(count -> names.putIfAbsent(count.id(), count.name()));
        return names;
    }
}
