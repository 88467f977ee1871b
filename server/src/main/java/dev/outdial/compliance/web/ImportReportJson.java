package dev.outdial.compliance.web;

import dev.outdial.compliance.ImportReport;
import dev.outdial.web.PageMessages;
import java.util.List;

/** An import's report as the API and the pages show it: each rejected row's reason in the reader's language. */
record ImportReportJson(int added, int alreadyListed, int rejectedCount, List<Rejected> rejected) {

    record Rejected(int row, String reason) {
    }

    static ImportReportJson of(ImportReport report, PageMessages messages) {
        return new ImportReportJson(report.added(), report.alreadyListed(), report.rejectedCount(),
                report.rejected().stream()
                        .map(row -> new Rejected(row.row(), messages.text(row.messageKey(), row.args().toArray())))
                        .toList());
    }
}
